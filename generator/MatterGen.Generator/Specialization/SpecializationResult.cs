using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// The outcome of specializing a cluster for a server declaration. <see cref="Cluster"/> is
/// <see langword="null"/> when the feature set cannot be used (an unknown feature, MG1002, or features whose
/// conformance is not met, MG1003). For problems with elements (MG1004, MG1005, an unmet choice among elements
/// reported as MG1003), defaults (MG1006) or constraints (MG1007) it is still given, with the offending request
/// left out, so that the server class is emitted and the user sees only the real errors.
/// </summary>
/// <param name="Cluster">The specialized cluster, or null when the feature set is unusable.</param>
/// <param name="Diagnostics">What was wrong with the declaration, in the order found.</param>
internal sealed record SpecializationResult(SpecializedCluster? Cluster, EquatableArray<DiagnosticInfo> Diagnostics);
