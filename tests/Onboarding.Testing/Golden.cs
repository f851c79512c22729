using System.Text;

namespace Onboarding.Testing;

/// <summary>
/// Golden files: expected output kept beside the tests. Set ONBOARD_UPDATE_GOLDEN=1 to rewrite them
/// from the actual output (a rewritten file still fails that run, to be reviewed); otherwise a mismatch
/// fails with a line diff.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("ONBOARD_UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string goldenPath, string actual)
    {
        if (Updating)
        {
            // Rewriting is never a silent pass: a changed golden file fails this run, so the change is reviewed.
            var before = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : null;
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            if (before != actual)
            {
                throw new Xunit.Sdk.XunitException($"rewrote golden file {goldenPath}; review the change (git diff) and run the tests again without ONBOARD_UPDATE_GOLDEN");
            }

            return;
        }

        if (!File.Exists(goldenPath))
        {
            throw new Xunit.Sdk.XunitException($"golden file {goldenPath} does not exist; run the tests with ONBOARD_UPDATE_GOLDEN=1 to create it");
        }

        var expected = File.ReadAllText(goldenPath);
        if (expected != actual)
        {
            throw new Xunit.Sdk.XunitException($"output differs from golden file {goldenPath} (ONBOARD_UPDATE_GOLDEN=1 rewrites it):\n{Diff(expected, actual)}");
        }
    }

    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var text = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(a.Length, b.Length) && shown < 40; i++)
        {
            var left = i < a.Length ? a[i] : null;
            var right = i < b.Length ? b[i] : null;
            if (left != right)
            {
                text.Append("line ").Append(i + 1).Append('\n');
                if (left is not null)
                {
                    text.Append("- ").Append(left).Append('\n');
                }

                if (right is not null)
                {
                    text.Append("+ ").Append(right).Append('\n');
                }

                shown++;
            }
        }

        return text.ToString();
    }
}
