using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace Onboarding.Core.IssueForms;

/// <summary>Turns issue-form YAML into an <see cref="IssueFormTemplate"/>, reporting every defect with its position.</summary>
public static class IssueFormTemplateReader
{
    public const int MaxTemplateChars = 256 * 1024;

    // Issue forms are a few levels deep; the limit keeps the recursive node loader far from the stack's end.
    private const int MaxNesting = 32;

    private static readonly Dictionary<string, IssueFormElementType> KnownTypes = new(StringComparer.Ordinal)
    {
        ["markdown"] = IssueFormElementType.Markdown,
        ["input"] = IssueFormElementType.Input,
        ["textarea"] = IssueFormElementType.Textarea,
        ["dropdown"] = IssueFormElementType.Dropdown,
        ["checkboxes"] = IssueFormElementType.Checkboxes,
    };

    public static IssueFormTemplate Read(string yamlText, string path)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(path);
        if (yamlText.Length > MaxTemplateChars)
        {
            throw new IssueFormTemplateException(path, 1, 1, $"the issue form is {yamlText.Length} characters long, more than the {MaxTemplateChars} this tool reads; shorten it");
        }

        var root = LoadRoot(yamlText, path);
        var body = Get(root, "body") ?? throw Error(path, root, "the issue form has no 'body'; add a 'body:' list of form elements");
        if (body is not YamlSequenceNode elements || elements.Children.Count == 0)
        {
            throw Error(path, body, "'body' must be a non-empty list of form elements");
        }

        var result = new List<IssueFormElement>();
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var labels = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var node in elements.Children)
        {
            var element = ReadElement(path, node);
            if (element.IsSubmitted && !ids.TryAdd(element.Id, node))
            {
                throw Error(path, node, $"two form elements have the id '{element.Id}' (the other is on line {ids[element.Id].Start.Line}); give each element a unique 'id'");
            }

            if (element.HasHeading)
            {
                var headingText = element.Label.Trim();
                if (!labels.TryAdd(headingText, node))
                {
                    throw Error(path, node, $"two form elements have the label '{headingText}' (the other is on line {labels[headingText].Start.Line}); the issue body identifies fields by label, so labels must be unique");
                }
            }

            result.Add(element);
        }

        return new IssueFormTemplate(
            path,
            OptionalString(path, root, "name"),
            OptionalString(path, root, "title"),
            ReadLabels(path, root),
            result);
    }

    private static YamlMappingNode LoadRoot(string yamlText, string path)
    {
        var stream = new YamlStream();
        try
        {
            CheckNesting(yamlText, path);
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException e)
        {
            throw new IssueFormTemplateException(path, (int)e.Start.Line, (int)e.Start.Column, $"the issue form is not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new IssueFormTemplateException(path, 1, 1, $"the issue form holds {stream.Documents.Count} YAML documents; it must hold exactly one");
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(path, stream.Documents[0].RootNode, "the issue form must be a YAML mapping with 'name', 'description' and 'body'");
    }

    // The event parser keeps its own stack, so this scan is safe on any input, unlike the recursive node loader.
    private static void CheckNesting(string yamlText, string path)
    {
        var parser = new Parser(new StringReader(yamlText));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    if (depth > MaxNesting)
                    {
                        var start = parser.Current.Start;
                        throw new IssueFormTemplateException(path, (int)start.Line, (int)start.Column, $"the issue form nests deeper than {MaxNesting} levels; issue forms are a flat list of elements");
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static IssueFormElement ReadElement(string path, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, "each body element must be a mapping with a 'type'");
        }

        var typeName = OptionalString(path, mapping, "type")
            ?? throw Error(path, node, "a body element has no 'type'; use one of markdown, input, textarea, dropdown, checkboxes");
        if (!KnownTypes.TryGetValue(typeName, out var type))
        {
            // GitHub adds element types over time (e.g. 'upload'); a form using one must keep working for the rest.
            var unsupportedLabel = Get(mapping, "attributes") is YamlMappingNode unsupportedAttributes
                && Get(unsupportedAttributes, "label") is YamlScalarNode { Value: { } value }
                && !value.Contains('\n', StringComparison.Ordinal)
                ? value
                : string.Empty;
            return new IssueFormElement(IssueFormElementType.Unsupported, OptionalString(path, mapping, "id") ?? string.Empty, unsupportedLabel, (int)node.Start.Line);
        }

        var attributes = Get(mapping, "attributes") as YamlMappingNode
            ?? throw Error(path, node, $"the '{typeName}' element has no 'attributes' mapping; add one with a 'label'");
        var line = (int)node.Start.Line;
        if (type == IssueFormElementType.Markdown)
        {
            return new IssueFormElement(type, OptionalString(path, mapping, "id") ?? string.Empty, string.Empty, line);
        }

        var label = OptionalString(path, attributes, "label");
        if (string.IsNullOrWhiteSpace(label))
        {
            throw Error(path, attributes, $"the '{typeName}' element has no 'attributes.label'; every submitted field needs a label, the issue body shows it as the field heading");
        }

        if (label.Contains('\n', StringComparison.Ordinal) || label.Contains('\r', StringComparison.Ordinal))
        {
            throw Error(path, attributes, $"the label '{label.Trim()}' spans several lines; a label must fit on the one heading line GitHub writes");
        }

        var id = OptionalString(path, mapping, "id") ?? IssueFormSlug.FromLabel(label);
        if (id.Length == 0)
        {
            throw Error(path, node, $"the element labelled '{label}' has no 'id' and its label has no letters or digits to derive one from; add an 'id'");
        }

        var validations = Get(mapping, "validations") as YamlMappingNode;
        var element = new IssueFormElement(type, id, label, line)
        {
            Required = validations is not null && OptionalBool(path, validations, "required"),
        };

        return type switch
        {
            IssueFormElementType.Dropdown => element with
            {
                Options = ReadDropdownOptions(path, attributes, label),
                Multiple = OptionalBool(path, attributes, "multiple"),
            },
            IssueFormElementType.Checkboxes => element with { CheckboxOptions = ReadCheckboxOptions(path, attributes, label) },
            IssueFormElementType.Textarea => element with { Render = NullIfBlank(OptionalString(path, attributes, "render")) },
            _ => element,
        };
    }

    private static List<string> ReadDropdownOptions(string path, YamlMappingNode attributes, string label)
    {
        if (Get(attributes, "options") is not YamlSequenceNode { Children.Count: > 0 } options)
        {
            throw Error(path, attributes, $"the dropdown '{label}' has no 'options'; list at least one option");
        }

        var result = new List<string>();
        foreach (var option in options.Children)
        {
            var text = option is YamlScalarNode { Value: { } value } ? value : throw Error(path, option, $"an option of the dropdown '{label}' is not a plain text value; write each option as text");
            if (string.IsNullOrWhiteSpace(text) || result.Contains(text, StringComparer.Ordinal))
            {
                throw Error(path, option, $"the dropdown '{label}' has an empty or repeated option '{text}'; options must be unique and non-empty");
            }

            result.Add(text);
        }

        return result;
    }

    private static List<IssueFormCheckboxOption> ReadCheckboxOptions(string path, YamlMappingNode attributes, string label)
    {
        if (Get(attributes, "options") is not YamlSequenceNode { Children.Count: > 0 } options)
        {
            throw Error(path, attributes, $"the checkboxes '{label}' have no 'options'; list at least one option with a 'label'");
        }

        var result = new List<IssueFormCheckboxOption>();
        foreach (var option in options.Children)
        {
            if (option is not YamlMappingNode optionMapping)
            {
                throw Error(path, option, $"an option of the checkboxes '{label}' is not a mapping; write it as '- label: ...'");
            }

            var text = OptionalString(path, optionMapping, "label");
            if (string.IsNullOrWhiteSpace(text) || result.Exists(o => o.Label == text))
            {
                throw Error(path, option, $"an option of the checkboxes '{label}' has an empty or repeated 'label'; options must be unique and non-empty");
            }

            result.Add(new IssueFormCheckboxOption(text, OptionalBool(path, optionMapping, "required")));
        }

        return result;
    }

    private static List<string> ReadLabels(string path, YamlMappingNode root)
    {
        return Get(root, "labels") switch
        {
            null => [],
            YamlScalarNode { Value: { } commaSeparated } => [.. commaSeparated.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            YamlSequenceNode sequence => [.. sequence.Children.Select(child => child is YamlScalarNode { Value: { } value }
                ? value
                : throw Error(path, child, "each entry of 'labels' must be a label name"))],
            var other => throw Error(path, other, "'labels' must be a list of label names"),
        };
    }

    private static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? OptionalString(string path, YamlMappingNode mapping, string key) => Get(mapping, key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        var other => throw Error(path, other, $"'{key}' must be a text value"),
    };

    private static bool OptionalBool(string path, YamlMappingNode mapping, string key)
    {
        var node = Get(mapping, key);
        return node switch
        {
            null => false,
            YamlScalarNode { Value: "true" or "True" or "TRUE" } => true,
            YamlScalarNode { Value: "false" or "False" or "FALSE" } => false,
            _ => throw Error(path, node, $"'{key}' must be true or false"),
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IssueFormTemplateException Error(string path, YamlNode node, string reason) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column, reason);
}
