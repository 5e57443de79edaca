using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>
/// Reads one cluster definition file (connectedhomeip's ZAP XML) into a <see cref="DefinitionFile"/>.
/// Never throws for bad input: every problem becomes a diagnostic at its file and line.
/// </summary>
internal static class DefinitionParser
{
    /// <summary>Largest file accepted, in characters; the biggest upstream file is well under 1 M.</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted; upstream files nest about ten levels.</summary>
    public const int MaxElementDepth = 256;

    private const string RootElement = "configurator";

    /// <summary>
    /// Parses <paramref name="text"/> (the contents of <paramref name="filePath"/>). Throws only
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static DefinitionFile Parse(string filePath, string? text, CancellationToken ct)
    {
        var context = new ParseContext(filePath, ct);
        try
        {
            return ParseChecked(filePath, text, context);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug in this reader must not take the compiler down: report it against the file instead.
            return Failed(filePath, DiagnosticInfo.Create(DiagnosticIds.GeneratorFailure, new SourcePosition(filePath, 1, 1), filePath, ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static DefinitionFile ParseChecked(string filePath, string? text, ParseContext context)
    {
        if (text is null)
        {
            return Failed(filePath, DiagnosticInfo.Create(DiagnosticIds.GeneratorFailure, new SourcePosition(filePath, 1, 1), filePath, "the file could not be read"));
        }

        if (text.Length > MaxCharacters)
        {
            return Failed(filePath, DiagnosticInfo.Create(
                DiagnosticIds.FileTooLarge,
                new SourcePosition(filePath, 1, 1),
                filePath,
                text.Length.ToString(CultureInfo.InvariantCulture),
                MaxCharacters.ToString(CultureInfo.InvariantCulture)));
        }

        var document = Load(filePath, text, context.CancellationToken, out var loadError);
        if (document?.Root is not { } root)
        {
            return Failed(filePath, loadError!);
        }

        if (root.Name.LocalName != RootElement)
        {
            return Failed(filePath, DiagnosticInfo.Create(DiagnosticIds.NotADefinitionFile, context.PositionOf(root), filePath, root.Name.LocalName));
        }

        var clusters = new List<ClusterModel>();
        var extensions = new List<ClusterExtensionModel>();
        var types = new List<DataTypeModel>();
        var baseTypes = new List<BaseTypeDeclaration>();
        foreach (var element in root.Elements())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            switch (element.Name.LocalName)
            {
                case "cluster":
                    Add(clusters, ClusterParser.ReadCluster(element, context));
                    break;
                case "clusterExtension":
                    Add(extensions, ClusterParser.ReadExtension(element, context));
                    break;
                case "enum":
                    Add(types, DataTypeParser.Read(element, DataTypeKind.Enum, context));
                    break;
                case "bitmap":
                    Add(types, DataTypeParser.Read(element, DataTypeKind.Bitmap, context));
                    break;
                case "struct":
                    Add(types, DataTypeParser.Read(element, DataTypeKind.Struct, context));
                    break;
                case "atomic":
                    baseTypes.AddRange(DataTypeParser.ReadBaseTypes(element, context));
                    break;
            }
        }

        DataTypeParser.CheckDuplicateNames(types, context);
        DuplicateCheck.Ids(clusters, c => c.Code, c => c.Name, c => c.Position, "Cluster", context);
        return new DefinitionFile(
            filePath,
            clusters.ToEquatableArray(),
            types.ToEquatableArray(),
            context.Diagnostics.ToEquatableArray(),
            extensions.ToEquatableArray(),
            baseTypes.ToEquatableArray());
    }

    /// <summary>
    /// Loads the XML with line information and every hostile feature off: no DTD (so no entity expansion,
    /// internal or external), no resolver, a character cap. Returns null with the error on failure.
    /// </summary>
    private static XDocument? Load(string filePath, string text, CancellationToken ct, out DiagnosticInfo? error)
    {
        error = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        ct.ThrowIfCancellationRequested();
        using var reader = XmlReader.Create(new StringReader(text), settings);
        try
        {
            if (TooDeep(filePath, text, settings, ct) is { } depthError)
            {
                error = depthError;
                return null;
            }

            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            // The refusal of a DTD carries no position: point at the DOCTYPE instead.
            var (line, column) = ex.LineNumber > 0 ? (ex.LineNumber, Math.Max(ex.LinePosition, 1)) : PositionOfDoctype(text);
            error = DiagnosticInfo.Create(DiagnosticIds.MalformedXml, new SourcePosition(filePath, line, column), filePath, ex.Message);
            return null;
        }
    }

    // Building a tree for absurdly deep input costs far more than the text suggests, so a streaming pass
    // refuses it first; it stops at the first element past the limit.
    private static DiagnosticInfo? TooDeep(string filePath, string text, XmlReaderSettings settings, CancellationToken ct)
    {
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var count = 0;
        while (reader.Read())
        {
            if ((++count & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxElementDepth)
            {
                var info = (IXmlLineInfo)reader;
                return DiagnosticInfo.Create(
                    DiagnosticIds.MalformedXml,
                    new SourcePosition(filePath, Math.Max(info.LineNumber, 1), Math.Max(info.LinePosition, 1)),
                    filePath,
                    "elements are nested more than " + MaxElementDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
            }
        }

        return null;
    }

    private static (int Line, int Column) PositionOfDoctype(string text)
    {
        var index = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (index < 0)
        {
            return (1, 1);
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static DefinitionFile Failed(string filePath, DiagnosticInfo diagnostic) => new(
        filePath,
        EquatableArray<ClusterModel>.Empty,
        EquatableArray<DataTypeModel>.Empty,
        EquatableArray.From(new[] { diagnostic }),
        EquatableArray<ClusterExtensionModel>.Empty,
        EquatableArray<BaseTypeDeclaration>.Empty);

    private static void Add<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
