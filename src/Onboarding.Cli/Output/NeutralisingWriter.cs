namespace Onboarding.Cli.Output;

/// <summary>
/// The one path every printed character takes (stdout and stderr): text is collected into whole lines and each
/// line is passed through <see cref="ConsoleText.Neutralise"/>, so a value holding a line break, an escape
/// sequence or <c>::</c> cannot start a line of its own that a terminal or an Actions runner would obey. The
/// tool's own workflow commands go through <see cref="WriteCommand"/> instead.
/// </summary>
internal sealed class NeutralisingWriter(TextWriter inner, bool inGitHubActions) : TextWriter(inner.FormatProvider)
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            Append(value);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            while (buffer.Length > 0)
            {
                var end = buffer.IndexOf('\n');
                if (end < 0)
                {
                    _pending.Append(buffer);
                    return;
                }

                _pending.Append(buffer[..end]);
                EmitLine();
                buffer = buffer[(end + 1)..];
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Write(value.AsSpan());
            EmitLine();
        }
    }

    /// <summary>One of the tool's own workflow commands (an annotation, <c>::add-mask::</c>), on a line of its own.</summary>
    public void WriteCommand(string command)
    {
        lock (_gate)
        {
            if (_pending.Length > 0)
            {
                EmitLine();
            }

            inner.WriteLine(ConsoleText.EscapeInvisible(command));
        }
    }

    /// <summary>A line still open is held back: whether it reads as a workflow command is known only when it is whole.</summary>
    public override void Flush()
    {
        lock (_gate)
        {
            inner.Flush();
        }
    }

    /// <summary>Prints what is left of an unfinished last line and flushes.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_pending.Length > 0)
            {
                inner.Write(Neutralised(_pending.ToString()));
                _pending.Clear();
            }

            inner.Flush();
        }
    }

    private void Append(char value)
    {
        if (value == '\n')
        {
            EmitLine();
        }
        else
        {
            _pending.Append(value);
        }
    }

    private void EmitLine()
    {
        // A CRLF ends the line; any other carriage return is a character to show, since a runner starts a new line at it.
        var length = _pending.Length > 0 && _pending[^1] == '\r' ? _pending.Length - 1 : _pending.Length;
        var line = _pending.ToString(0, length);
        _pending.Clear();
        inner.WriteLine(Neutralised(line));
    }

    private string Neutralised(string line) => ConsoleText.Neutralise(line, inGitHubActions);
}
