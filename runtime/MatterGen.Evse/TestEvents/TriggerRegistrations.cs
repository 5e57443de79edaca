using System;
using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.TestEvents;

namespace MatterGen.Evse.TestEvents;

/// <summary>Registers a set of test event trigger handlers as one: all or none, removed together.</summary>
internal sealed class TriggerRegistrations : IDisposable
{
    private readonly List<IDisposable> registrations;

    private TriggerRegistrations(List<IDisposable> registrations) => this.registrations = registrations;

    /// <summary>Registers every handler, plus anything else to dispose with them; on a clash, none stays registered.</summary>
    /// <exception cref="InvalidOperationException">A code already has a handler.</exception>
    public static IDisposable Register(TestEventTriggerRegistry registry, IEnumerable<(ulong Code, Func<MatterStatus> Handler)> handlers, IDisposable? alsoDispose = null)
    {
        var registrations = new List<IDisposable>();
        try
        {
            foreach (var (code, handler) in handlers)
            {
                registrations.Add(registry.Register(code, handler));
            }
        }
        catch
        {
            registrations.ForEach(r => r.Dispose());
            alsoDispose?.Dispose();
            throw;
        }

        if (alsoDispose is not null)
        {
            registrations.Add(alsoDispose);
        }

        return new TriggerRegistrations(registrations);
    }

    /// <inheritdoc/>
    public void Dispose() => registrations.ForEach(r => r.Dispose());
}
