namespace Onboarding.Core.Pipelines.Model;

/// <summary>What a step runs: exactly one kind.</summary>
public abstract record StepAction;

/// <summary>A SQL file of the repository run on a connection (SQLExecuteQueryOperator).</summary>
public sealed record SqlAction(string File, string Conn) : StepAction;

/// <summary>Column and table checks (SQLColumnCheckOperator, SQLTableCheckOperator).</summary>
public sealed record ChecksAction(string Conn, string Table, long? MinRows, long? MaxRows, IReadOnlyList<ColumnCheck> Columns) : StepAction;

/// <summary>A shell command (BashOperator); <see cref="Script"/> is the repository's script when the command starts with one.</summary>
public sealed record BashAction(string? Script, string Command) : StepAction;

/// <summary>A container on Kubernetes (KubernetesPodOperator).</summary>
public sealed record PodAction(string Image, IReadOnlyList<string> Cmds, IReadOnlyList<string> Arguments, string? Namespace, IReadOnlyList<KeyValuePair<string, string>> Env) : StepAction;

/// <summary>The checks of one column; numbers stay the literal text the user wrote (validated as a decimal).</summary>
public sealed record ColumnCheck(string Column, bool NotNull, bool Unique, string? Min, string? Max);
