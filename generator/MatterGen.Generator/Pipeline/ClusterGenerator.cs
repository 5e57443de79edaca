using System;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Emit;
using MatterGen.Generator.Emit.Server;
using MatterGen.Generator.Manifest;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;
using MatterGen.Generator.Planning;
using MatterGen.Generator.Resolution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MatterGen.Generator.Pipeline;

/// <summary>
/// The generator: cluster definition XML (AdditionalFiles) in; one file per cluster with its complete type
/// set, and one per <c>[MatterServer]</c> type with its feature specialization, out.
/// Parse (per file) → catalog (all files) → units (per cluster) → plans (per cluster) → emit; servers are
/// specialized per declaration and printed with their cluster's plan. Every step value-equal and named.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClusterGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SettingsReader.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => DefinitionParser.Parse(text.Path, text.GetText(cancellationToken)?.ToString(), cancellationToken))
            .WithTrackingName(TrackingNames.ParseDefinitionFile);

        // A tree's zcl.json (optional) decides which XML files form the corpus and in what order.
        var manifests = context.AdditionalTextsProvider
            .Where(static text => ManifestParser.IsManifest(text.Path))
            .Select(static (text, cancellationToken) => ManifestParser.Parse(text.Path, text.GetText(cancellationToken)?.ToString(), cancellationToken))
            .WithTrackingName(TrackingNames.ParseManifest);
        var xmlPaths = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, _) => text.Path)
            .Collect();
        var selection = manifests
            .Collect()
            .Combine(xmlPaths)
            .Select(static (pair, _) => CorpusSelector.Select(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SelectCorpus);
        context.RegisterSourceOutput(selection, static (output, chosen) => Report(output, chosen.Diagnostics));

        // A file the manifest leaves out is not part of the build: its problems are not the user's.
        var fileDiagnostics = files
            .Combine(selection)
            .Select(static (pair, _) => CorpusSelector.Includes(pair.Right, pair.Left.FilePath) ? pair.Left.Diagnostics : EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(TrackingNames.FileDiagnostics);
        context.RegisterSourceOutput(fileDiagnostics, static (output, diagnostics) => Report(output, diagnostics));

        var catalog = files
            .Where(static file => file.Clusters.Count > 0 || file.DataTypes.Count > 0 || file.ClusterExtensions.Count > 0 || file.BaseTypes.Count > 0)
            .Collect()
            .Combine(selection)
            .Select(static (pair, cancellationToken) => ClusterCatalog.Build(pair.Left, cancellationToken, pair.Right))
            .WithTrackingName(TrackingNames.BuildCatalog);

        var catalogDiagnostics = catalog
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.CatalogDiagnostics);
        context.RegisterSourceOutput(catalogDiagnostics, static (output, diagnostics) => Report(output, diagnostics));

        var clusterUnits = catalog
            .SelectMany(static (result, _) => result.Clusters)
            .WithTrackingName(TrackingNames.ClusterUnits);

        // Names, C# types and record shapes of each cluster, resolved once: its file and its servers print from it.
        var clusterPlans = clusterUnits
            .Combine(settings)
            .Select(static (pair, cancellationToken) => ClusterPlan.For(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.PlanCluster);
        context.RegisterSourceOutput(clusterPlans.Combine(settings), static (output, pair) =>
            Emit(output, $"{pair.Right.RootNamespace}.{pair.Left.Unit.TypeName}.g.cs", pair.Left.Unit.Cluster.Position.FilePath, () => ClusterEmitter.Emit(pair.Left, pair.Right, output.CancellationToken)));

        var globalTypes = catalog
            .Select(static (result, _) => result.Globals)
            .WithTrackingName(TrackingNames.GlobalTypes);
        var globalsPlan = globalTypes
            .Combine(settings)
            .Select(static (pair, cancellationToken) => GlobalsPlan.For(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.PlanGlobals);
        context.RegisterSourceOutput(globalsPlan.Combine(settings), static (output, pair) =>
        {
            if (pair.Left.Types.Count > 0)
            {
                Emit(output, $"{pair.Right.RootNamespace}.Globals.g.cs", "global types", () => GlobalsEmitter.Emit(pair.Left, pair.Right, output.CancellationToken));
            }
        });

        var servers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ServerDeclarationReader.ServerAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => ServerDeclarationReader.Read(attributeContext, cancellationToken))
            .Where(static declaration => declaration is not null)
            .Select(static (declaration, _) => declaration!)
            .WithTrackingName(TrackingNames.ServerDeclarations);

        var specialized = servers
            .Combine(catalog.Select(static (result, _) => result.Clusters))
            .Combine(settings.Select(static (s, _) => s.StrictConformance))
            .Select(static (pair, cancellationToken) => ServerStage.Specialize(pair.Left.Left, pair.Left.Right, cancellationToken, pair.Right))
            .WithTrackingName(TrackingNames.SpecializeServer);

        // Each server gets its cluster's plan from PlanCluster instead of planning the cluster again, and plans its own members.
        var serverPlans = specialized
            .Combine(clusterPlans.Collect())
            .Select(static (pair, _) => ServerStage.WithPlan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PlanServer);
        context.RegisterSourceOutput(serverPlans, static (output, server) =>
        {
            Report(output, server.Specialization.Diagnostics);
            if (server.Specialization.Cluster is { } cluster)
            {
                Emit(output, ServerEmitter.HintName(cluster.Declaration), cluster.Declaration.TypeName, () => ServerEmitter.Emit(cluster, server.PlansOrThrow(), output.CancellationToken));
            }
        });
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(DiagnosticFactory.Create(diagnostic));
        }
    }

    // An emitter bug must not crash the generator (CS8785 drops all output): report it and go on.
    private static void Emit(SourceProductionContext output, string hintName, string what, Func<string> emit)
    {
        try
        {
            output.AddSource(hintName, SourceText.From(emit(), System.Text.Encoding.UTF8));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, what, exception.GetType().Name + ": " + exception.Message));
        }
    }
}
