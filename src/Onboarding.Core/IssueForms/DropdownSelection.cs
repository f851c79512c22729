namespace Onboarding.Core.IssueForms;

/// <summary>
/// Splits the value of a <c>multiple: true</c> dropdown. GitHub joins the chosen options with <c>", "</c>, and
/// an option may itself contain <c>", "</c>, so the text is split only where the pieces are known options.
/// </summary>
public static class DropdownSelection
{
    private const string Separator = ", ";

    /// <summary>Finds options that, joined with <c>", "</c>, give exactly <paramref name="text"/>.</summary>
    /// <returns>The options in body order, or null when no such split exists.</returns>
    public static List<string>? TrySplit(string text, IReadOnlyList<string> options)
    {
        // cameFrom[p] tells how position p was reached; a forward pass over positions keeps hostile input linear
        // in its length times the number of options, where naive backtracking would be exponential.
        var cameFrom = new (int Start, int Option)?[text.Length + 1];
        var reached = new bool[text.Length + 1];
        reached[0] = true;
        for (var position = 0; position < text.Length; position++)
        {
            if (!reached[position])
            {
                continue;
            }

            for (var o = 0; o < options.Count; o++)
            {
                var option = options[o];
                if (string.CompareOrdinal(text, position, option, 0, option.Length) != 0 || position + option.Length > text.Length)
                {
                    continue;
                }

                var end = position + option.Length;
                var next = end == text.Length ? end : end + Separator.Length;
                // A separator must be followed by another option: "dev, " is not a complete selection.
                if (end < text.Length && (next >= text.Length || string.CompareOrdinal(text, end, Separator, 0, Separator.Length) != 0))
                {
                    continue;
                }

                if (!reached[next])
                {
                    reached[next] = true;
                    cameFrom[next] = (position, o);
                }
            }
        }

        if (!reached[text.Length] || text.Length == 0)
        {
            return null;
        }

        var chosen = new List<string>();
        for (var position = text.Length; position > 0; position = cameFrom[position]!.Value.Start)
        {
            chosen.Add(options[cameFrom[position]!.Value.Option]);
        }

        chosen.Reverse();
        return chosen;
    }

    /// <summary>The parts of <paramref name="text"/> that are not options, for an error message.</summary>
    public static List<string> UnknownParts(string text, IReadOnlyList<string> options)
    {
        var unknown = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var longest = options
                .Where(option => string.CompareOrdinal(text, position, option, 0, option.Length) == 0
                    && position + option.Length <= text.Length
                    && (position + option.Length == text.Length
                        || string.CompareOrdinal(text, position + option.Length, Separator, 0, Separator.Length) == 0))
                .MaxBy(option => option.Length);
            int end;
            if (longest is not null)
            {
                end = position + longest.Length;
            }
            else
            {
                var separator = text.IndexOf(Separator, position, StringComparison.Ordinal);
                end = separator < 0 ? text.Length : separator;
                unknown.Add(text[position..end]);
            }

            position = end + Separator.Length;
        }

        return unknown;
    }
}
