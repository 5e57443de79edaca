namespace MatterGen.Interaction;

/// <summary>
/// Device state kept outside a server's attributes (a controller's private fields, stored schedules) that a
/// command may change. A server enlists it (<see cref="ClusterServer.Enlist"/>) so that a command, write or
/// <see cref="ClusterServer.Atomically"/> block that fails puts it back together with the attributes.
/// </summary>
public interface ITransactionalState
{
    /// <summary>A copy of the state as it is now; called under the server's lock before the change starts.</summary>
    object Capture();

    /// <summary>
    /// The transaction is about to commit: save what this state keeps (if it changed since
    /// <paramref name="snapshot"/>). Called under the lock before the attributes are saved; an exception
    /// rolls the whole transaction back, so a save should replace the old value atomically or not at all.
    /// </summary>
    void Commit(object snapshot);

    /// <summary>
    /// Puts back a state <see cref="Capture"/> returned; called under the server's lock after the attributes are
    /// back. It must not change attributes (they are already restored) and should not throw.
    /// </summary>
    void Restore(object snapshot);
}
