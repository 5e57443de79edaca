using System;
using System.Collections.Generic;

namespace MatterGen.Node.Composition;

/// <summary>The node's endpoints do not make a valid composition; <see cref="Errors"/> says every way in which.</summary>
public sealed class CompositionException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public CompositionException(IReadOnlyList<string> errors)
        : base("The node's composition is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one error.</summary>
    public CompositionException(string error)
        : this([error])
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public CompositionException()
        : this("no detail")
    {
    }

    /// <summary>Creates the exception with one error and its cause.</summary>
    public CompositionException(string error, Exception innerException)
        : base("The node's composition is invalid: " + error, innerException)
    {
        Errors = [error];
    }

    /// <summary>One sentence per problem, each naming the endpoint (and device type or cluster) concerned.</summary>
    public IReadOnlyList<string> Errors { get; }
}
