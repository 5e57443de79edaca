using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Runs the commands of an InvokeRequest (Core Specification 8.8.3): checks a batch (every command has a
/// distinct CommandRef and a distinct path), then each command in order: existence, access, timing, fabric;
/// the server's response command or status goes back with the request's CommandRef.
/// </summary>
internal sealed class InvokeHandler
{
    private static readonly byte[] EmptyFields = [0x15, 0x18];
    private readonly IDataModel model;
    private readonly AccessScope access;
    private readonly int maxPaths;

    public InvokeHandler(IDataModel model, AccessScope access, int maxPaths)
    {
        this.model = model;
        this.access = access;
        this.maxPaths = maxPaths;
    }

    /// <summary>Throws INVALID_ACTION for a request whose batch is malformed.</summary>
    public void Validate(InvokeRequest request)
    {
        var commands = request.InvokeRequests;
        if (commands.Count == 0 || commands.Count > maxPaths)
        {
            throw new InvalidInteractionMessageException($"An InvokeRequest carries 1 to {maxPaths} commands, not {commands.Count}.");
        }

        if (commands.Count == 1)
        {
            return;
        }

        var references = new HashSet<ushort>();
        var paths = new HashSet<CommandPath>();
        foreach (var command in commands)
        {
            if (command.CommandRef is not { } reference || !references.Add(reference) || !paths.Add(command.Path))
            {
                throw new InvalidInteractionMessageException("The commands of a batch need distinct CommandRefs and distinct paths.");
            }
        }
    }

    public async ValueTask<List<InvokeResponseItem>> InvokeAsync(InvokeRequest request, bool timed, CancellationToken cancellationToken)
    {
        var responses = new List<InvokeResponseItem>(request.InvokeRequests.Count);
        foreach (var command in request.InvokeRequests)
        {
            responses.Add(await InvokeOneAsync(command, timed, cancellationToken).ConfigureAwait(false));
        }

        return responses;
    }

    private async ValueTask<InvokeResponseItem> InvokeOneAsync(CommandData command, bool timed, CancellationToken cancellationToken)
    {
        var path = command.Path;
        if (path.Endpoint is not { } endpoint)
        {
            return Status(command, MatterStatus.InvalidAction); // A group command; unicast invokes name the endpoint.
        }

        if (model.FindServer(endpoint, path.Cluster) is not { } server)
        {
            return Status(command, Paths.AttributePathExpander.MissingClusterStatus(model, endpoint));
        }

        if (server.Description.FindAcceptedCommand(path.Command) is not { } metadata)
        {
            return Status(command, MatterStatus.UnsupportedCommand);
        }

        if (!access.Allows(endpoint, path.Cluster, metadata.InvokePrivilege))
        {
            return Status(command, MatterStatus.UnsupportedAccess);
        }

        if (metadata.MustUseTimedInvoke && !timed)
        {
            return Status(command, MatterStatus.NeedsTimedInteraction);
        }

        if (metadata.IsFabricScoped && access.Subject.FabricIndex == 0)
        {
            return Status(command, MatterStatus.UnsupportedAccess);
        }

        var result = await server.InvokeAsync(path.Command, command.Fields ?? EmptyFields, access.ContextFor(endpoint, path.Cluster, timed), cancellationToken).ConfigureAwait(false);
        if (result.Status == MatterStatus.Success && result.ResponseCommandId is { } responseId)
        {
            return new InvokeResponseItem(new CommandData(path with { Command = responseId }, result.Response, command.CommandRef), null);
        }

        return new InvokeResponseItem(null, new CommandStatus(path, new StatusIB(result.Status, result.ClusterStatus), command.CommandRef));
    }

    private static InvokeResponseItem Status(CommandData command, MatterStatus status) =>
        new(null, new CommandStatus(command.Path, new StatusIB(status), command.CommandRef));
}
