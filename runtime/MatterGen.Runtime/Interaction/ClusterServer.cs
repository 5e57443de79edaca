using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

/// <summary>
/// The interaction machinery every generated server stands on: reads, writes and invokes by id from and to
/// TLV with the Matter status for each failure, the global attributes, the data version, change reports that
/// honour the quality flags, persistence of non-volatile attributes, and the event log. A generated server
/// supplies its <see cref="Description"/> and the typed parts (encode, store, dispatch).
/// </summary>
public abstract partial class ClusterServer
{
    private readonly object gate = new();
    private readonly QuieterReporting quieter;
    private uint dataVersion;

    /// <summary>Sets the server up with its options.</summary>
    protected ClusterServer(ClusterServerOptions? options)
    {
        Options = options ?? new ClusterServerOptions();
        EventLog = Options.EventLog ?? new EventLog();
        quieter = new QuieterReporting(this);

        // A random start, as the specification asks, so a restarted server does not reuse old versions.
        dataVersion = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
    }

    /// <summary>The options the server was made with.</summary>
    public ClusterServerOptions Options { get; }

    /// <summary>The endpoint the server lives on.</summary>
    public ushort Endpoint => Options.Endpoint;

    /// <summary>The server's clock.</summary>
    public TimeProvider Time => Options.Time;

    /// <summary>The events this server (and any sharing the log) recorded.</summary>
    public EventLog EventLog { get; }

    /// <summary>The cluster's data version: changes with every change of any attribute.</summary>
    public uint DataVersion
    {
        get
        {
            lock (gate)
            {
                return dataVersion;
            }
        }
    }

    /// <summary>
    /// The lock held while the server changes state; the generated attribute properties take it on every get and
    /// set. Device logic that changes several attributes as one transition holds it too, so no read sees half of
    /// it; it is the one lock, so there is no lock order to get wrong.
    /// </summary>
    public object SyncRoot => gate;

    /// <summary>What this specialization has.</summary>
    public abstract ClusterDescription Description { get; }

    /// <summary>
    /// Raised for every change a subscriber should be told about: not for changes-omitted (C) attributes, and
    /// at most once per <see cref="ClusterServerOptions.QuieterReportingInterval"/> for quieter-reporting (Q) ones.
    /// </summary>
    public event Action<AttributeChange>? AttributeReported;

    /// <summary>Raised for every change of a cluster attribute, whatever its quality: for device logic, not subscribers.</summary>
    public event Action<AttributeChange>? AttributeChanged;

    /// <summary>Reads one attribute as TLV.</summary>
    public AttributeReadResult ReadAttribute(uint attributeId, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new ArrayBufferWriter<byte>(32);
        var writer = new TlvWriter(output);
        AttributeMetadata? metadata = null;
        if (GlobalAttributes.IsGlobal(attributeId))
        {
            WriteGlobalAttribute(attributeId, ref writer);
        }
        else
        {
            metadata = Description.FindAttribute(attributeId);
            if (metadata is null)
            {
                return new AttributeReadResult(MatterStatus.UnsupportedAttribute, ReadOnlyMemory<byte>.Empty, DataVersion);
            }

            if (context.Privilege < metadata.ReadPrivilege)
            {
                return new AttributeReadResult(MatterStatus.UnsupportedAccess, ReadOnlyMemory<byte>.Empty, DataVersion);
            }

            try
            {
                lock (gate)
                {
                    WriteAttributeValue(attributeId, ref writer, context);
                }
            }
            catch (MatterStatusException exception)
            {
                return new AttributeReadResult(exception.Status, ReadOnlyMemory<byte>.Empty, DataVersion);
            }
            catch (TlvException)
            {
                // The device stored a value its codec refuses: the server's fault, not the reader's.
                return new AttributeReadResult(MatterStatus.Failure, ReadOnlyMemory<byte>.Empty, DataVersion);
            }
        }

        writer.Flush();
        return metadata is { IsFabricScoped: true }
            ? ReadFabricScoped(output.WrittenMemory, metadata, context)
            : new AttributeReadResult(MatterStatus.Success, output.WrittenMemory, DataVersion);
    }

    /// <summary>Writes one attribute from TLV; on any failure the attribute keeps its value.</summary>
    public MatterStatus WriteAttribute(uint attributeId, ReadOnlySpan<byte> value, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (GlobalAttributes.IsGlobal(attributeId))
        {
            return context.Privilege < Privilege.View ? MatterStatus.UnsupportedAccess : MatterStatus.UnsupportedWrite;
        }

        var metadata = Description.FindAttribute(attributeId);
        if (metadata is null)
        {
            return MatterStatus.UnsupportedAttribute;
        }

        // Order as the Interaction Model checks a write: access, writability, timing, then the data.
        var required = metadata.IsWritable ? metadata.WritePrivilege : metadata.ReadPrivilege;
        if (context.Privilege < required)
        {
            return MatterStatus.UnsupportedAccess;
        }

        if (!metadata.IsWritable)
        {
            return MatterStatus.UnsupportedWrite;
        }

        if (metadata.MustUseTimedWrite && !context.IsTimed)
        {
            return MatterStatus.NeedsTimedInteraction;
        }

        if (!TlvValue.StartsAnonymous(value))
        {
            return MatterStatus.InvalidDataType; // A value carried alone has no tag.
        }

        lock (gate)
        {
            var open = transaction is null ? Begin() : null;
            MatterStatus status;
            try
            {
                var reader = TlvValue.Open(value);
                status = StoreWrittenValue(attributeId, ref reader, context);
            }
            catch (TlvException exception)
            {
                status = StatusOf(exception, value, MatterStatus.InvalidDataType);
            }
            catch (Exception exception) when (open is not null)
            {
                // Device logic reacting to the change failed: the write did not happen.
                Rollback(open);
                DriverFailed?.Invoke(attributeId, exception);
                return MatterStatus.Failure;
            }

            if (open is null)
            {
                return status;
            }

            if (status != MatterStatus.Success)
            {
                Rollback(open);
                return status;
            }

            try
            {
                Commit(open);
                return MatterStatus.Success;
            }
            catch (Exception exception)
            {
                DriverFailed?.Invoke(attributeId, exception);
                return MatterStatus.Failure;
            }
        }
    }

    /// <summary>
    /// The events this server recorded from <paramref name="fromEventNumber"/> on that the requester may read: those
    /// its privilege reaches, and of the fabric-sensitive ones only those naming its own fabric (none when it has no
    /// fabric), fabric-filtered or not.
    /// </summary>
    public IReadOnlyList<EventRecord> ReadEvents(ulong fromEventNumber, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new List<EventRecord>();
        foreach (var record in EventLog.ReadFrom(fromEventNumber))
        {
            // The log may be the node's, shared with this cluster's servers on other endpoints.
            if (record.Endpoint == Endpoint && record.ClusterId == Description.ClusterId
                && Description.FindEvent(record.EventId) is { } metadata
                && context.Privilege >= metadata.ReadPrivilege
                && IsReportedTo(metadata, record, context.FabricIndex))
            {
                result.Add(record);
            }
        }

        return result;
    }

    /// <summary>
    /// Writes the current value of a present cluster attribute, anonymously tagged. Throws
    /// <see cref="MatterStatusException"/> when the attribute has no value to give (a struct not yet set).
    /// </summary>
    protected abstract void WriteAttributeValue(uint attributeId, ref TlvWriter writer);

    /// <summary>
    /// Decodes a written value (the reader is on its element), checks that nothing follows it and that it meets
    /// the attribute's constraint, and stores it (raising the change). Throws <see cref="TlvException"/> for a
    /// malformed or out-of-range value; returns the status otherwise.
    /// </summary>
    protected abstract MatterStatus StoreAttributeValue(uint attributeId, ref TlvReader reader);

    /// <summary>
    /// Writes an attribute's value for one requester. The default is <see cref="WriteAttributeValue(uint, ref TlvWriter)"/>;
    /// a server whose value depends on who reads overrides it. Called under <see cref="SyncRoot"/>. The fabric
    /// rules of a fabric-scoped attribute are applied to what it writes afterwards, whatever it is.
    /// </summary>
    protected virtual void WriteAttributeValue(uint attributeId, ref TlvWriter writer, RequestContext context) =>
        WriteAttributeValue(attributeId, ref writer);

    /// <summary>
    /// Stores a value a requester wrote. The default is <see cref="StoreAttributeValue"/>, except for a fabric-scoped
    /// list, whose written entries replace only the writer's fabric's entries, stamped with its FabricIndex (see
    /// <see cref="FabricScopedValue"/>); a server with rules of its own for a write overrides it. Called under
    /// <see cref="SyncRoot"/>; throws <see cref="TlvException"/> for a malformed value.
    /// </summary>
    protected virtual MatterStatus StoreWrittenValue(uint attributeId, ref TlvReader reader, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Description.FindAttribute(attributeId) is { IsFabricScoped: true, IsList: true }
            ? StoreFabricScopedList(attributeId, reader.Input[reader.ElementOffset..], context.FabricIndex)
            : StoreAttributeValue(attributeId, ref reader);
    }

    /// <summary>Decodes a request, calls the driver and encodes its response. Access and timing are already checked.</summary>
    protected abstract ValueTask<InvokeResult> DispatchAsync(uint commandId, ReadOnlyMemory<byte> fields, RequestContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the machinery that an attribute changed: bumps the data version, saves a non-volatile value and
    /// reports it as its quality allows. <paramref name="significant"/> marks a change quieter reporting must
    /// not hold back (to or from null, or one the cluster's rules name).
    /// </summary>
    protected void OnAttributeChanged(uint attributeId, bool significant = false)
    {
        if (restoring)
        {
            return; // A failed transaction putting the old value back: nothing happened to tell anyone.
        }

        uint version;
        lock (gate)
        {
            version = unchecked(++dataVersion);
        }

        var metadata = Description.FindAttribute(attributeId);
        if (metadata is null)
        {
            return;
        }

        // Marked before anyone hears of it: a listener that throws must not leave the change unrecorded.
        var open = InTransaction ? transaction : null;
        open?.Touched(attributeId);
        AttributeChanged?.Invoke(new AttributeChange(Description.ClusterId, attributeId, version));
        if (open is not null)
        {
            open.Reports.Add((attributeId, significant, false));
            return;
        }

        // Outside a transaction (device logic reporting what the hardware did) the change is a fact: a failing
        // save or subscriber is reported, and must not stop the transition half-way.
        if ((metadata.Quality & AttributeQuality.NonVolatile) != 0 && Options.Store is { } store)
        {
            Tell(() => Persist(store, attributeId));
        }

        Tell(() => ReportChange(attributeId, significant, version));
    }

    private void ReportChange(uint attributeId, bool significant, uint version)
    {
        var metadata = Description.FindAttribute(attributeId);
        if (metadata is null || (metadata.Quality & AttributeQuality.ChangesOmitted) != 0)
        {
            return;
        }

        if ((metadata.Quality & AttributeQuality.QuieterReporting) != 0)
        {
            if (!significant)
            {
                quieter.Offer(attributeId);
                return;
            }

            quieter.ReportedNow(attributeId);
        }

        Report(attributeId, version);
    }

    /// <summary>
    /// Reports an attribute now, whatever its quieter-reporting interval: for the transitions a cluster's rules
    /// name (for Energy EVSE, the end of an energy transfer or of a session). A changes-omitted attribute stays silent.
    /// </summary>
    public void ReportNow(uint attributeId)
    {
        var metadata = Description.FindAttribute(attributeId);
        if (metadata is null || (metadata.Quality & AttributeQuality.ChangesOmitted) != 0)
        {
            return;
        }

        if (InTransaction)
        {
            transaction!.Reports.Add((attributeId, false, true));
            return;
        }

        quieter.ReportedNow(attributeId);
        Report(attributeId, DataVersion);
    }

    /// <summary>Loads every non-volatile attribute from the store; a value that no longer decodes is skipped.</summary>
    protected void RestoreNonVolatileAttributes()
    {
        if (Options.Store is not { } store)
        {
            return;
        }

        foreach (var metadata in Description.Attributes)
        {
            if ((metadata.Quality & AttributeQuality.NonVolatile) == 0
                || !store.TryLoad(Endpoint, Description.ClusterId, metadata.Id, out var saved))
            {
                continue;
            }

            try
            {
                var reader = TlvValue.Open(saved.Span);
                lock (gate)
                {
                    StoreAttributeValue(metadata.Id, ref reader);
                }
            }
            catch (TlvException)
            {
                // A stored value from an older definition that no longer fits: keep the default.
            }
            catch (ArgumentOutOfRangeException)
            {
                // Likewise a value outside a constraint this build tightened.
            }
        }
    }

    /// <summary>
    /// Records an event of this cluster with the definition's priority and the clock's time. Inside a
    /// transaction the event is held back until it commits (and dropped if it fails), so the record returned
    /// then is provisional: its <see cref="EventRecord.EventNumber"/> is 0 until the log numbers it.
    /// </summary>
    protected EventRecord RecordEvent(uint eventId, ReadOnlySpan<byte> payload)
    {
        var priority = Description.FindEvent(eventId)?.Priority ?? EventPriority.Info;
        var timestamp = Time.GetUtcNow();
        if (InTransaction)
        {
            var copy = payload.ToArray();
            transaction!.Events.Add((eventId, priority, timestamp, copy));
            return new EventRecord(0, Endpoint, Description.ClusterId, eventId, priority, timestamp, copy);
        }

        return EventLog.Record(Endpoint, Description.ClusterId, eventId, priority, timestamp, payload.ToArray());
    }

    /// <summary>True when two list values hold equal elements in the same order (null equals only null).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static bool ListsEqual<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void Persist(IAttributeStore store, uint attributeId)
    {
        var output = new ArrayBufferWriter<byte>(16);
        var writer = new TlvWriter(output);
        try
        {
            lock (gate)
            {
                WriteAttributeValue(attributeId, ref writer);
            }
        }
        catch (MatterStatusException)
        {
            return; // No value to keep (a struct cleared to nothing).
        }

        writer.Flush();
        store.Save(Endpoint, Description.ClusterId, attributeId, output.WrittenSpan);
    }

    // A value out of its range is a constraint error; a list longer than its maximum exhausts a resource;
    // anything else malformed is the caller's data error (INVALID_DATA_TYPE for writes, INVALID_COMMAND for invokes).
    // Constraints are judged only on a well-formed message: a decoder stops at the first bad value, which may
    // come before a structural break, and a broken message is malformed whatever it holds.
    private static MatterStatus StatusOf(TlvException exception, ReadOnlySpan<byte> input, MatterStatus malformed) => exception.Error switch
    {
        TlvError.ConstraintViolation when TlvValue.IsWellFormed(input) => MatterStatus.ConstraintError,
        TlvError.TooManyEntries when TlvValue.IsWellFormed(input) => MatterStatus.ResourceExhausted,
        _ => malformed,
    };

    private void Report(uint attributeId, uint version) =>
        AttributeReported?.Invoke(new AttributeChange(Description.ClusterId, attributeId, version));

    private void WriteGlobalAttribute(uint attributeId, ref TlvWriter writer)
    {
        var description = Description;
        switch (attributeId)
        {
            case GlobalAttributes.ClusterRevision:
                writer.WriteUnsignedInteger(TlvTag.Anonymous, description.ClusterRevision);
                break;
            case GlobalAttributes.FeatureMap:
                writer.WriteUnsignedInteger(TlvTag.Anonymous, description.FeatureMap);
                break;
            case GlobalAttributes.AttributeList:
                WriteIds(ref writer, description.AttributeList);
                break;
            case GlobalAttributes.AcceptedCommandList:
                writer.StartArray(TlvTag.Anonymous);
                foreach (var command in description.AcceptedCommands)
                {
                    writer.WriteUnsignedInteger(TlvTag.Anonymous, command.Id);
                }

                writer.EndContainer();
                break;
            default:
                writer.StartArray(TlvTag.Anonymous);
                foreach (var command in description.GeneratedCommands)
                {
                    writer.WriteUnsignedInteger(TlvTag.Anonymous, command.Id);
                }

                writer.EndContainer();
                break;
        }
    }

    private static void WriteIds(ref TlvWriter writer, IReadOnlyList<uint> ids)
    {
        writer.StartArray(TlvTag.Anonymous);
        foreach (var id in ids)
        {
            writer.WriteUnsignedInteger(TlvTag.Anonymous, id);
        }

        writer.EndContainer();
    }
}
