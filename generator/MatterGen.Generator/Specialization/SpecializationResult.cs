using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// The outcome of specializing a cluster for a server declaration. <see cref="Cluster"/> is
/// <see langword="null"/> when the feature set cannot be used (MG1002, MG1003); for problems with single
/// elements, defaults or constraints (MG1004..MG1007) it is still given, with the offending request left out,
/// so that the server class is emitted and the user sees only the real errors.
/// </summary>
/// <param name="Cluster">The specialized cluster, or null when the feature set is unusable.</param>
/// <param name="Diagnostics">What was wrong with the declaration, in the order found.</param>
internal sealed record SpecializationResult(SpecializedCluster? Cluster, EquatableArray<DiagnosticInfo> Diagnostics);
