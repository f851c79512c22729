namespace Onboarding.Core.Import;

/// <summary>
/// A JSON syntax error in the tool's own words. The published binary carries only the runtime's resource keys
/// (<c>ExpectedEndAfterSingleJson, #</c>), which mean nothing to a user; a message the runtime wrote out in full
/// is kept as it is.
/// </summary>
internal static partial class JsonSyntaxText
{
    public static string Describe(string message)
    {
        // System.Text.Json appends its own position; the diagnostic already carries it.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.', '|');
        var key = ResourceKey().Match(text);
        if (!key.Success)
        {
            return text;
        }

        var found = key.Groups["arg"].Success ? $"'{key.Groups["arg"].Value}'" : "a character";
        return key.Groups["key"].Value switch
        {
            "ExpectedEndAfterSingleJson" => $"{found} follows the end of the list; nothing may come after it",
            "ArrayDepthTooLarge" or "ObjectDepthTooLarge" or "DepthTooLarge" => $"it is nested deeper than {key.Groups["arg"].Value} levels",
            "TrailingCommaNotAllowedBeforeArrayEnd" or "TrailingCommaNotAllowedBeforeObjectEnd" => "a comma comes before a closing bracket",
            "ExpectedSeparatorAfterPropertyNameNotFound" => $"a ':' is missing after a key (found {found})",
            "ExpectedStartOfPropertyNotFound" or "ExpectedStartOfPropertyOrValueNotFound" => $"a key in double quotes is expected (found {found})",
            "ExpectedStartOfValueNotFound" or "ExpectedValueAfterPropertyNameNotFound" => $"a value is expected (found {found})",
            "EndOfStringNotFound" => "a string is not closed",
            "InvalidCharacterWithinString" => "a string holds a control character; write it escaped",
            "InvalidCharacterAfterEscapeWithinString" or "InvalidHexCharacterWithinString" => "a string holds an invalid escape",
            "ArrayEndWithinObject" or "ObjectEndWithinArray" or "MismatchedObjectArray" => "a bracket closes what it did not open",
            "ZeroDepthAtEnd" or "InvalidEndOfJsonNonPrimitive" or "ExpectedJsonTokens" => "the text ends before the list is complete",
            "EndOfCommentNotFound" or "CommentsNotAllowed" => "it holds a comment",
            "InvalidLeadingZeroInNumber" or "RequiredDigitNotFoundAfterDecimal" or "RequiredDigitNotFoundAfterSign" or "RequiredDigitNotFoundEndOfData" or "ExpectedEndOfDigitNotFound" => "a number is not written as JSON writes numbers",
            "ExpectedFalse" or "ExpectedTrue" or "ExpectedNull" or "FoundInvalidCharacter" => $"unexpected {found}",
            _ => key.Groups["arg"].Success ? $"unexpected {found}" : "it is not well-formed",
        };
    }

    [GeneratedRegex("^(?<key>[A-Z][A-Za-z0-9]+)(?:, (?<arg>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ResourceKey();
}
