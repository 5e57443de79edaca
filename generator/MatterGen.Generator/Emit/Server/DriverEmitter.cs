using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits the driver interface of a server: one member per accepted command of the specialization (typed
/// request, typed response where the command has one), none for the commands its feature set leaves out, so
/// a driver that lacks a member does not compile.
/// </summary>
internal static class DriverEmitter
{
    private const string Threading = "global::System.Threading.";

    /// <summary>Writes the interface.</summary>
    public static void Emit(CodeWriter writer, SpecializedCluster cluster, ServerMemberPlan plan)
    {
        var members = plan.DriverMethods;
        var declaration = cluster.Declaration;
        var features = cluster.Features.Count == 0 ? "no features" : string.Join(", ", cluster.Features.Select(feature => feature.Name));
        var accessibility = declaration.Accessibility.Length == 0 ? string.Empty : declaration.Accessibility + " ";
        writer.Lines($$"""
            /// <summary>
            /// What a <see cref="{{declaration.TypeName}}"/> calls to carry out the {{Literals.Xml(cluster.Unit.Cluster.Name)}} commands it accepts with {{Literals.Xml(features)}}:
            /// one member per accepted command. To refuse a command, throw <see cref="global::MatterGen.Interaction.MatterStatusException"/>.
            /// </summary>
            {{Docs.GeneratedCode}}
            {{accessibility}}interface {{plan.DriverInterface}}
            {
            """);
        writer.Indent();
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var command = member.Command;
            if (i > 0)
            {
                writer.Line();
            }

            var result = member.Response is null
                ? "Completes when the command is done; the requester then gets success."
                : $"The {Literals.Xml(member.Response.Name)} sent back.";
            Docs.Summary(writer, command.Description, "Carries out the " + command.Name + " command (" + Docs.Id(command.Id) + ").");
            writer.Lines($$"""
                /// <param name="request">The request's fields, decoded and within their constraints.</param>
                /// <param name="context">Who asks: privilege (already checked), timing, fabric.</param>
                /// <param name="cancellationToken">Cancels the work.</param>
                /// <returns>{{result}}</returns>
                /// <exception cref="global::MatterGen.Interaction.MatterStatusException">The command fails with that status.</exception>
                """);
            Docs.Maturity(writer, MaturityMarks.IsProvisional(command.Maturity, command.Conformance), MaturityMarks.IsDeprecated(command.Maturity, command.Conformance));
            var returns = member.ResponseType is null ? Threading + "Tasks.ValueTask" : $"{Threading}Tasks.ValueTask<{member.ResponseType}>";
            writer.Line($"{returns} {member.Method}({member.RequestType} request, {Interaction}RequestContext context, {Threading}CancellationToken cancellationToken);");
        }

        writer.Close();
    }
}
