using MatterGen.DataModel;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel;

/// <summary>
/// The access-checking algorithm (Core Specification 6.6.6): may this subject exercise this privilege on this
/// cluster of this endpoint? An implementation reads the Access Control cluster's entries of the subject's fabric
/// (privilege, auth mode, subjects, targets including device types) and grants the implicit Administer privilege
/// of a commissioning PASE session.
/// </summary>
public interface IAccessControl
{
    /// <summary>True when <paramref name="subject"/> holds <paramref name="privilege"/> (or one that implies it) on the cluster.</summary>
    bool IsGranted(in SubjectDescriptor subject, ushort endpoint, uint clusterId, Privilege privilege);
}
