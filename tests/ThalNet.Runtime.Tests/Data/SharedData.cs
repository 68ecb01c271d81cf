using System;
using System.IO;

namespace ThalNet.Runtime.Tests.Data;

/// <summary>
/// Finds the real data kept outside the repository: <c>$THALNET_SHARED_DATA</c>, or else the first
/// <c>shared/data</c> folder found walking up from the test assembly (i.e. <c>&lt;repo&gt;/../shared/data</c>).
/// </summary>
internal static class SharedData
{
    public const string Variable = "THALNET_SHARED_DATA";

    /// <summary>The folder <paramref name="name"/> inside the shared data, or null when absent.</summary>
    public static string? Find(string name)
    {
        var root = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(root))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    root = candidate;
                    break;
                }
            }
        }

        var folder = root is null ? null : Path.Combine(root, name);
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }
}
