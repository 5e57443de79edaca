using Microsoft.CodeAnalysis;

namespace MatterGen.Generator.Diagnostics;

/// <summary>The catalogue of everything the generator can report. Ids are in <see cref="DiagnosticIds"/>.</summary>
internal static class DiagnosticDescriptors
{
    private const string DefinitionCategory = "MatterGen.Definition";
    private const string ServerCategory = "MatterGen.Server";
    private const string HelpLinkBase = "https://github.com/mattergen/mattergen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor MalformedXml = Error(DiagnosticIds.MalformedXml, DefinitionCategory,
        "Malformed cluster definition XML", "Cluster definition '{0}' is not well-formed XML: {1}");

    public static readonly DiagnosticDescriptor InvalidValue = Error(DiagnosticIds.InvalidValue, DefinitionCategory,
        "Invalid value in a cluster definition", "{0}: '{1}' is not a valid value for {2}");

    // A warning, not an error: the element is left out and the rest of the cluster generated; a [MatterServer]
    // that needs the element gets MG1009 instead.
    public static readonly DiagnosticDescriptor UnknownType = Warning(DiagnosticIds.UnknownType, DefinitionCategory,
        "Unknown data type", "{0} '{1}' has unknown type '{2}'; it is left out of the generated code");

    public static readonly DiagnosticDescriptor DuplicateId = Error(DiagnosticIds.DuplicateId, DefinitionCategory,
        "Duplicate id", "{0} id {1} is used by both '{2}' and '{3}'");

    public static readonly DiagnosticDescriptor CyclicStruct = Error(DiagnosticIds.CyclicStruct, DefinitionCategory,
        "Cyclic struct", "Struct '{0}' contains itself through {1}; a TLV struct cannot nest itself");

    public static readonly DiagnosticDescriptor FileTooLarge = Error(DiagnosticIds.FileTooLarge, DefinitionCategory,
        "Cluster definition file too large", "Cluster definition '{0}' is {1} characters; the limit is {2}");

    public static readonly DiagnosticDescriptor MissingRequiredValue = Error(DiagnosticIds.MissingRequiredValue, DefinitionCategory,
        "Required value missing", "{0} has no {1}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(DiagnosticIds.GeneratorFailure, DefinitionCategory,
        "The generator failed", "MatterGen failed while processing '{0}': {1}");

    public static readonly DiagnosticDescriptor UnknownConformanceElement = Error(DiagnosticIds.UnknownConformanceElement, DefinitionCategory,
        "Unknown conformance element", "Unknown conformance element <{0}>");

    public static readonly DiagnosticDescriptor NotADefinitionFile = new(DiagnosticIds.NotADefinitionFile,
        "XML file is not a cluster definition", "'{0}' has root element <{1}>, not <configurator>; it was skipped",
        DefinitionCategory, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + DiagnosticIds.NotADefinitionFile);

    public static readonly DiagnosticDescriptor DuplicateName = Error(DiagnosticIds.DuplicateName, DefinitionCategory,
        "Duplicate name", "{0} name '{1}' is declared more than once in {2}");

    public static readonly DiagnosticDescriptor ElementLeftOut = Warning(DiagnosticIds.ElementLeftOut, DefinitionCategory,
        "Element left out of the generated code", "{0} is left out of the generated code: {1}");

    public static readonly DiagnosticDescriptor UnreadableManifest = Error(DiagnosticIds.UnreadableManifest, DefinitionCategory,
        "ZAP manifest cannot be used", "ZAP manifest '{0}' cannot be used: {1}");

    public static readonly DiagnosticDescriptor ManifestFileNotFound = Warning(DiagnosticIds.ManifestFileNotFound, DefinitionCategory,
        "File listed in zcl.json not found", "zcl.json lists '{0}', which is not among the AdditionalFiles under its xmlRoot folders ({1}); it is left out");

    public static readonly DiagnosticDescriptor DuplicateDefinitionIgnored = Warning(DiagnosticIds.DuplicateDefinitionIgnored, DefinitionCategory,
        "Duplicate definition ignored by load order", "{0} '{1}' is defined again here and ignored: the definition at {2} loads first in zcl.json order and wins");

    public static readonly DiagnosticDescriptor SeveralManifests = Warning(DiagnosticIds.SeveralManifests, DefinitionCategory,
        "Several zcl.json manifests", "Several zcl.json AdditionalFiles: '{0}' decides the corpus and '{1}' is ignored");

    public static readonly DiagnosticDescriptor UnknownCluster = Error(DiagnosticIds.UnknownCluster, ServerCategory,
        "Unknown cluster", "No cluster named '{0}' is defined in the AdditionalFiles");

    public static readonly DiagnosticDescriptor UnknownFeature = Error(DiagnosticIds.UnknownFeature, ServerCategory,
        "Unknown feature", "Cluster '{0}' has no feature '{1}'; its features are {2}");

    public static readonly DiagnosticDescriptor FeatureSetNotAllowed = Error(DiagnosticIds.FeatureSetNotAllowed, ServerCategory,
        "Feature set not allowed", "Cluster '{0}' does not allow this feature set: {1}");

    public static readonly DiagnosticDescriptor ElementNotAllowed = Error(DiagnosticIds.ElementNotAllowed, ServerCategory,
        "Element not allowed in this feature set", "'{1}' of cluster '{0}' cannot be enabled with this feature set: {2}");

    public static readonly DiagnosticDescriptor UnknownElement = Error(DiagnosticIds.UnknownElement, ServerCategory,
        "Unknown element", "Cluster '{0}' has no attribute, command or event named '{1}'");

    public static readonly DiagnosticDescriptor InvalidDefault = Error(DiagnosticIds.InvalidDefault, ServerCategory,
        "Invalid attribute default", "Default for '{1}' of cluster '{0}' is invalid: {2}");

    public static readonly DiagnosticDescriptor InvalidConstraint = Error(DiagnosticIds.InvalidConstraint, ServerCategory,
        "Invalid constraint", "Constraint on '{1}' of cluster '{0}' is invalid: {2}");

    public static readonly DiagnosticDescriptor ServerTypeNotPartial = Error(DiagnosticIds.ServerTypeNotPartial, ServerCategory,
        "Server type must be partial", "Type '{0}' carries [MatterServer] and must be declared partial (and every type that contains it)");

    public static readonly DiagnosticDescriptor ElementUnavailable = Error(DiagnosticIds.ElementUnavailable, ServerCategory,
        "Element needed by the server was left out", "'{1}' of cluster '{0}' is needed by this server but was not fully generated: {2}");

    public static readonly DiagnosticDescriptor DeprecatedFeature = Warning(DiagnosticIds.DeprecatedFeature, ServerCategory,
        "Deprecated feature chosen", "Feature '{1}' of cluster '{0}' is deprecated: certification rejects a device that supports it (MatterGenStrictConformance=true makes this an error)");

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id);

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id);
}
