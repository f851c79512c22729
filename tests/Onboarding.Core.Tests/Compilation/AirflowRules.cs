using System.Text.Json;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// An independent reading of facts/AIRFLOW.md: what Airflow's dag processor accepts as
/// dag_bundle_config_list, and what GitDagBundle accepts as kwargs. Written from the facts, not
/// from the compiler, so that it can disagree with it.
/// </summary>
internal static class AirflowRules
{
    private static readonly Dictionary<string, JsonValueKind[]> GitKwargs = new(StringComparer.Ordinal)
    {
        ["tracking_ref"] = [JsonValueKind.String],
        ["repo_url"] = [JsonValueKind.String],
        ["subdir"] = [JsonValueKind.String],
        ["git_conn_id"] = [JsonValueKind.String],
        ["refresh_interval"] = [JsonValueKind.Number],
        ["submodules"] = [JsonValueKind.True, JsonValueKind.False],
        ["prune_dotgit_folder"] = [JsonValueKind.True, JsonValueKind.False],
        ["sparse_dirs"] = [JsonValueKind.Array],
        ["view_url_template"] = [JsonValueKind.String],
    };

    /// <summary>Every reason Airflow <paramref name="version"/> would reject or mis-load the list.</summary>
    public static List<string> Violations(byte[] utf8, string version, bool multiTeam)
    {
        var problems = new List<string>();
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            problems.Add("starts with a UTF-8 BOM: json.loads fails");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            problems.Add($"not JSON: {ex.Message}");
            return problems;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add("not a list");
                return problems;
            }

            if (document.RootElement.GetArrayLength() == 0)
            {
                problems.Add("empty list: Airflow silently loads no bundles");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var allowedKeys = version is "3.0" or "3.1" ? new[] { "name", "classpath", "kwargs" } : ["name", "classpath", "kwargs", "team_name"];
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add("item is not an object");
                    continue;
                }

                var keys = item.EnumerateObject().Select(p => p.Name).ToArray();
                if (keys.Length != keys.Distinct(StringComparer.Ordinal).Count())
                {
                    problems.Add("duplicate keys in an item: json.loads keeps the last");
                }

                foreach (var key in keys.Where(k => !allowedKeys.Contains(k)))
                {
                    problems.Add($"key '{key}' is not accepted by Airflow {version}");
                }

                if (!item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                {
                    problems.Add("name missing or not a string");
                    continue;
                }

                var n = name.GetString()!;
                if (!names.Add(n))
                {
                    problems.Add($"duplicate bundle name '{n}'");
                }

                if (n is "example_dags" or "dags-folder" || n.EndsWith("-example-dags", StringComparison.Ordinal))
                {
                    problems.Add($"reserved bundle name '{n}'");
                }

                if (!item.TryGetProperty("classpath", out var classpath) || classpath.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{n}: classpath missing or not a string");
                }
                else if (classpath.GetString() != "airflow.providers.git.bundles.git.GitDagBundle")
                {
                    problems.Add($"{n}: classpath {classpath.GetString()} is not the Git bundle");
                }

                if (item.TryGetProperty("team_name", out var team) && (team.ValueKind != JsonValueKind.String || !multiTeam))
                {
                    problems.Add($"{n}: team_name set while multi_team is off or not a string");
                }

                if (!item.TryGetProperty("kwargs", out var kwargs) || kwargs.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{n}: kwargs missing or not an object");
                    continue;
                }

                if (!kwargs.TryGetProperty("tracking_ref", out _))
                {
                    problems.Add($"{n}: tracking_ref is required by GitDagBundle");
                }

                foreach (var kwarg in kwargs.EnumerateObject())
                {
                    if (kwarg.Name is "name" or "version" or "version_data")
                    {
                        problems.Add($"{n}: kwarg '{kwarg.Name}' is passed by Airflow itself");
                    }
                    else if (!GitKwargs.TryGetValue(kwarg.Name, out var kinds))
                    {
                        problems.Add($"{n}: unknown GitDagBundle kwarg '{kwarg.Name}'");
                    }
                    else if (!kinds.Contains(kwarg.Value.ValueKind))
                    {
                        problems.Add($"{n}: kwarg '{kwarg.Name}' has JSON type {kwarg.Value.ValueKind}");
                    }
                    else if (kwarg.Name == "repo_url" && !kwarg.Value.GetString()!.StartsWith("https://", StringComparison.Ordinal))
                    {
                        problems.Add($"{n}: repo_url is not an https URL");
                    }
                    else if (kwarg.Name == "sparse_dirs" && kwarg.Value.EnumerateArray().Any(d => d.ValueKind != JsonValueKind.String))
                    {
                        problems.Add($"{n}: sparse_dirs holds a non-string");
                    }
                    else if (kwarg.Name == "view_url_template" && version == "3.0")
                    {
                        problems.Add($"{n}: view_url_template is not accepted by GitDagBundle of Airflow 3.0");
                    }
                    else if (kwarg.Name == "view_url_template"
                        && !(Uri.TryCreate(kwarg.Value.GetString(), UriKind.Absolute, out var view) && view.Scheme is "http" or "https" && view.Host.Length > 0))
                    {
                        problems.Add($"{n}: view_url_template is not an http(s) URL with a host: Airflow drops it");
                    }
                }
            }
        }

        return problems;
    }
}
