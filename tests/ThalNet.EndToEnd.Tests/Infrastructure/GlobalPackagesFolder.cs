namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>The NuGet global packages folder, where restore extracts the packages a user installs.</summary>
internal static class GlobalPackagesFolder
{
    private const string Prefix = "global-packages:";

    /// <summary>Removes the given version of each package (and the package's folder when that was its only version), so test versions do not pile up in the cache.</summary>
    public static void Remove(string workingDirectory, string version, IEnumerable<string> packageIds)
    {
        var listing = DotnetCli.Run(workingDirectory, TimeSpan.FromMinutes(1), ["nuget", "locals", "global-packages", "--list"]);
        var line = listing.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (!listing.Succeeded || line is null)
        {
            return;
        }

        var root = line[Prefix.Length..].Trim();
        foreach (var id in packageIds)
        {
            var idFolder = Path.Combine(root, id.ToLowerInvariant());
            var versionFolder = Path.Combine(idFolder, version.ToLowerInvariant());
            if (Directory.Exists(versionFolder))
            {
                Directory.Delete(versionFolder, recursive: true);
                DeleteIfEmpty(idFolder);
            }
        }
    }

    private static void DeleteIfEmpty(string folder)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Another restore is putting a version there right now: the folder is in use again.
        }
    }
}
