using System;
using System.Security.Cryptography;
using System.Threading;
using MatterGen.Messaging;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Sessions;
using CommissioningError = MatterGen.Node.Clusters.GeneralCommissioning.CommissioningErrorEnum;

namespace MatterGen.Node.GeneralCommissioning;

/// <summary>
/// The node's fail-safe (Core Specification 11.10.7): armed by ArmFailSafe (or by the node itself for 60 s when a
/// commissioner's PASE session is established), bound to the fabric that armed it, on the node's clock. While it
/// is armed, Operational Credentials stages a trusted root, a CSR key, a new fabric (AddNOC) or new credentials
/// (UpdateNOC) here. CommissioningComplete makes them permanent; expiry or a disarm rolls them back: the pending
/// fabric or NOC update is reverted in the <see cref="FabricTable"/> (whose FabricRemoved takes that fabric's ACL
/// entries and sessions with it), the staged root and key are dropped, the PASE session loses its implicit
/// Administer privilege and is closed, and <see cref="Ended"/> lets General Commissioning reset its Breadcrumb.
/// The other way round, a commissioner's PASE session that closes (CloseSession either way, or dropped) while the
/// fail-safe it armed is still armed expires that fail-safe at once (Core Specification 5.5), so that the open
/// window can take the next commissioner instead of refusing it until the timer runs out.
/// Thread-safe; nothing is called out while its lock is held.
/// </summary>
public sealed class FailSafeContext : IDisposable
{
    private readonly object gate = new();
    private readonly FabricTable fabrics;
    private readonly TimeProvider time;
    private readonly GeneralCommissioningOptions options;
    private ITimer? timer;
    private long generation;
    private DateTimeOffset cumulativeDeadline;
    private SecureSession? paseSession;
    private ECDsa? csrKey;

    internal FailSafeContext(FabricTable fabrics, TimeProvider time, GeneralCommissioningOptions options)
    {
        this.fabrics = fabrics;
        this.time = time;
        this.options = options;
    }

    /// <summary>Raised after the fail-safe was armed from the disarmed state.</summary>
    public event Action? Armed;

    /// <summary>Raised after the fail-safe ended, outside any lock, after the rollback or commit was done.</summary>
    public event Action<FailSafeEnd>? Ended;

    /// <summary>True while the fail-safe is armed.</summary>
    public bool IsArmed
    {
        get
        {
            lock (gate)
            {
                return timer is not null;
            }
        }
    }

    /// <summary>The fabric the armed fail-safe belongs to: 0 for a PASE commissioner before AddNOC.</summary>
    public byte FabricIndex { get; private set; }

    /// <summary>When the armed fail-safe expires.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>The root AddTrustedRootCertificate staged for AddNOC.</summary>
    internal MatterCertificate? PendingRoot { get; private set; }

    /// <summary>True when the staged CSR key was requested for UpdateNOC.</summary>
    internal bool CsrForUpdate { get; private set; }

    /// <summary>True once AddNOC or UpdateNOC succeeded in this fail-safe (each may happen once).</summary>
    internal bool NocCommandInvoked => AddedFabric is not null || UpdatedFabric is not null;

    /// <summary>The fabric AddNOC added in this fail-safe.</summary>
    internal byte? AddedFabric { get; private set; }

    /// <summary>The fabric UpdateNOC updated in this fail-safe.</summary>
    internal byte? UpdatedFabric { get; private set; }

    /// <summary>Decides whether ArmFailSafe over CASE finds a commissioning window open (the host tells).</summary>
    internal Func<bool> CommissioningWindowOpen { get; set; } = static () => false;

    /// <summary>
    /// ArmFailSafe (Core Specification 11.10.6.2): arms or extends for <paramref name="seconds"/> (capped by the
    /// cumulative maximum), or with 0 expires an armed fail-safe at once. BusyWithOtherAdmin when it is armed for
    /// another fabric, or when a CASE session asks while a commissioning window is open.
    /// </summary>
    public CommissioningError Arm(ushort seconds, SubjectDescriptor subject, IMessageSession? session)
    {
        bool armedNow;
        SecureSession? adopted = null;
        lock (gate)
        {
            var armed = timer is not null;
            if (armed && FabricIndex != subject.FabricIndex)
            {
                return CommissioningError.BusyWithOtherAdmin;
            }

            if (!armed && seconds == 0)
            {
                return CommissioningError.OK;
            }

            if (!armed && subject.AuthMode == SessionAuthMode.Case && CommissioningWindowOpen())
            {
                return CommissioningError.BusyWithOtherAdmin;
            }

            if (seconds == 0)
            {
                armedNow = false;
            }
            else
            {
                armedNow = !armed;
                adopted = ArmLocked(seconds, subject, session as SecureSession);
            }
        }

        WatchPase(adopted);
        if (seconds == 0)
        {
            Expire(FailSafeEnd.Disarmed);
        }
        else if (armedNow)
        {
            Armed?.Invoke();
        }

        return CommissioningError.OK;
    }

    /// <summary>
    /// Arms the fail-safe for a commissioner's new PASE session (Core Specification 5.5: the commissionee arms it
    /// when PASE is established), which holds the implicit Administer privilege while it lasts. False, and the
    /// session gets no privilege, when a fail-safe is armed already.
    /// </summary>
    public bool ArmForPase(SecureSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        SecureSession? adopted;
        lock (gate)
        {
            if (timer is not null)
            {
                session.SetCommissioning(false);
                return false;
            }

            adopted = ArmLocked(options.FailSafeExpiryLengthSeconds, session.Subject, session);
        }

        WatchPase(adopted);
        Armed?.Invoke();
        return true;
    }

    /// <summary>
    /// CommissioningComplete (Core Specification 11.10.6.6): over CASE of the fail-safe's fabric, commits what was
    /// added under it, ends it and closes the commissioner's PASE session. NoFailSafe when nothing is armed,
    /// InvalidAuthentication over PASE or from another fabric.
    /// </summary>
    public CommissioningError Complete(SubjectDescriptor subject)
    {
        State state;
        lock (gate)
        {
            if (timer is null)
            {
                return CommissioningError.NoFailSafe;
            }

            if (subject.AuthMode != SessionAuthMode.Case || subject.FabricIndex != FabricIndex)
            {
                return CommissioningError.InvalidAuthentication;
            }

            state = TakeLocked();
        }

        if (state.Added is { } added)
        {
            fabrics.Commit(added);
        }

        if (state.Updated is { } updated)
        {
            fabrics.Commit(updated);
        }

        End(state, FailSafeEnd.Completed);
        return CommissioningError.OK;
    }

    /// <summary>Ends an armed fail-safe now and rolls back everything added under it (expiry, or a disarm).</summary>
    public void Expire(FailSafeEnd reason = FailSafeEnd.Expired)
    {
        State state;
        lock (gate)
        {
            if (timer is null)
            {
                return;
            }

            state = TakeLocked();
        }

        RollBack(state, reason);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (gate)
        {
            var state = TakeLocked();
            state.Key?.Dispose();
        }
    }

    /// <summary>Stages the root for AddNOC (AddTrustedRootCertificate); false when the fail-safe is not armed.</summary>
    internal bool StageRoot(MatterCertificate root)
    {
        lock (gate)
        {
            if (timer is null)
            {
                return false;
            }

            PendingRoot = root;
            return true;
        }
    }

    /// <summary>Keeps a CSRRequest's new key until AddNOC/UpdateNOC, replacing an earlier one; false when not armed.</summary>
    internal bool StageCsrKey(ECDsa key, bool forUpdate)
    {
        ECDsa? previous;
        lock (gate)
        {
            if (timer is null)
            {
                return false;
            }

            previous = csrKey;
            csrKey = key;
            CsrForUpdate = forUpdate;
        }

        previous?.Dispose();
        return true;
    }

    /// <summary>The staged CSR key, or null; AddNOC/UpdateNOC take it with <see cref="RecordNoc"/>.</summary>
    internal ECDsa? CsrKey
    {
        get
        {
            lock (gate)
            {
                return csrKey;
            }
        }
    }

    /// <summary>
    /// Records a successful AddNOC (<paramref name="added"/>) or UpdateNOC: the fabric table owns the CSR key now,
    /// the fail-safe belongs to that fabric, and a PASE commissioner's session is bound to it.
    /// </summary>
    internal void RecordNoc(byte fabricIndex, bool added)
    {
        SecureSession? pase;
        lock (gate)
        {
            csrKey = null;
            PendingRoot = null;
            if (added)
            {
                AddedFabric = fabricIndex;
            }
            else
            {
                UpdatedFabric = fabricIndex;
            }

            FabricIndex = fabricIndex;
            pase = paseSession;
        }

        pase?.AssignFabric(fabricIndex);
    }

    /// <summary>RemoveFabric of the fabric this fail-safe added: there is nothing left to roll back for it.</summary>
    internal void ForgetFabric(byte fabricIndex)
    {
        lock (gate)
        {
            if (AddedFabric == fabricIndex)
            {
                AddedFabric = null;
            }

            if (UpdatedFabric == fabricIndex)
            {
                UpdatedFabric = null;
            }
        }
    }

    // Arms or extends; returns the PASE session a fail-safe armed from the disarmed state now belongs to, which the
    // caller watches (outside the lock) with WatchPase.
    private SecureSession? ArmLocked(ushort seconds, SubjectDescriptor subject, SecureSession? session)
    {
        var now = time.GetUtcNow();
        SecureSession? adopted = null;
        if (timer is null)
        {
            cumulativeDeadline = now.AddSeconds(options.MaxCumulativeFailsafeSeconds);
            FabricIndex = subject.FabricIndex;
            if (session is { AuthMode: SessionAuthMode.Pase })
            {
                paseSession = session;
                adopted = session;
                session.SetCommissioning(true);
            }
        }

        var deadline = now.AddSeconds(seconds);
        if (deadline > cumulativeDeadline)
        {
            deadline = cumulativeDeadline;
        }

        Deadline = deadline;
        timer?.Dispose();
        var armedGeneration = ++generation;
        timer = time.CreateTimer(_ => OnTimer(armedGeneration), null, deadline - now, Timeout.InfiniteTimeSpan);
        return adopted;
    }

    // Core Specification 5.5: when the commissioner's PASE session is terminated, an armed fail-safe is considered
    // expired and rolled back, and the still-open window listens for commissioners again. A session already closed
    // runs this at once. When the fail-safe ends first (commit, disarm, expiry) it no longer names the session, so
    // the session's own closing afterwards changes nothing.
    private void WatchPase(SecureSession? session) => session?.Closed.Register(() => ExpireFor(session));

    // Expires the fail-safe if it still belongs to the closed PASE session (a new one may have been armed meanwhile).
    private void ExpireFor(SecureSession session)
    {
        State state;
        lock (gate)
        {
            if (timer is null || !ReferenceEquals(paseSession, session))
            {
                return;
            }

            state = TakeLocked();
        }

        RollBack(state, FailSafeEnd.Expired);
    }

    private void OnTimer(long armedGeneration)
    {
        lock (gate)
        {
            if (armedGeneration != generation)
            {
                return;
            }
        }

        Expire(FailSafeEnd.Expired);
    }

    // Clears every piece of the fail-safe and hands the caller what it must commit or undo.
    private State TakeLocked()
    {
        var state = new State(AddedFabric, UpdatedFabric, csrKey, paseSession);
        timer?.Dispose();
        timer = null;
        generation++;
        Deadline = null;
        FabricIndex = 0;
        AddedFabric = null;
        UpdatedFabric = null;
        PendingRoot = null;
        CsrForUpdate = false;
        csrKey = null;
        paseSession = null;
        return state;
    }

    private void RollBack(State state, FailSafeEnd reason)
    {
        if (state.Added is { } added)
        {
            fabrics.Revert(added);
        }

        if (state.Updated is { } updated)
        {
            fabrics.Revert(updated);
        }

        End(state, reason);
    }

    private void End(State state, FailSafeEnd reason)
    {
        state.Key?.Dispose();

        // The commissioner's implicit Administer lasts as long as the fail-safe (Core Specification 6.6.2.9), and its
        // PASE session ends with it, once the answer to the command that ended it is out.
        if (state.Pase is { } pase)
        {
            pase.SetCommissioning(false);
            pase.CloseWhenIdle();
        }

        Ended?.Invoke(reason);
    }

    private readonly record struct State(byte? Added, byte? Updated, ECDsa? Key, SecureSession? Pase);
}
