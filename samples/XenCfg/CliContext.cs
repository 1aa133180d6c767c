namespace XenCfg;

/// <summary>What a command writes to: its standard output and error, and whether output is a terminal.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="IsTerminal">Whether standard output is an interactive terminal (progress bars and colours only then).</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool IsTerminal);
