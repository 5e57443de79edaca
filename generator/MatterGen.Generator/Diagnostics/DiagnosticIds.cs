namespace MatterGen.Generator.Diagnostics;

/// <summary>
/// Stable diagnostic ids. MG0xxx are about definition files (reported at the XML file and line);
/// MG1xxx are about a server declaration in C# (reported at the attribute). Never reuse a retired id.
/// </summary>
internal static class DiagnosticIds
{
    public const string MalformedXml = "MG0001";
    public const string InvalidValue = "MG0002";
    public const string UnknownType = "MG0003";
    public const string DuplicateId = "MG0004";
    public const string CyclicStruct = "MG0005";
    public const string FileTooLarge = "MG0006";
    public const string MissingRequiredValue = "MG0007";
    public const string GeneratorFailure = "MG0008";
    public const string UnknownConformanceElement = "MG0009";
    public const string NotADefinitionFile = "MG0010";
    public const string DuplicateName = "MG0011";
    public const string ElementLeftOut = "MG0012";
    public const string UnreadableManifest = "MG0013";
    public const string ManifestFileNotFound = "MG0014";
    public const string DuplicateDefinitionIgnored = "MG0015";
    public const string SeveralManifests = "MG0016";

    public const string UnknownCluster = "MG1001";
    public const string UnknownFeature = "MG1002";
    public const string FeatureSetNotAllowed = "MG1003";
    public const string ElementNotAllowed = "MG1004";
    public const string UnknownElement = "MG1005";
    public const string InvalidDefault = "MG1006";
    public const string InvalidConstraint = "MG1007";
    public const string ServerTypeNotPartial = "MG1008";
    public const string ElementUnavailable = "MG1009";
    public const string DeprecatedFeature = "MG1010";
}
