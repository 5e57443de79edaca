namespace MatterGen.Generator.Emit.Values;

/// <summary>A check generated code makes on a value: the condition under which it fails and the exception it then throws.</summary>
/// <param name="Condition">A C# condition, true when the value breaks its constraint.</param>
/// <param name="Exception">A C# expression of the exception thrown.</param>
internal sealed record Violation(string Condition, string Exception);
