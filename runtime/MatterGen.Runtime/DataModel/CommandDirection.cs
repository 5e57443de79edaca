namespace MatterGen.DataModel;

/// <summary>Which way a command travels.</summary>
public enum CommandDirection
{
    /// <summary>A request, sent by a client to a server.</summary>
    ClientToServer,

    /// <summary>A response or other command a server sends to a client.</summary>
    ServerToClient,
}
