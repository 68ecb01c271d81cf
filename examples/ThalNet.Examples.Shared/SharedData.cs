namespace ThalNet.Examples;

/// <summary>Finds the data an example needs when --data is not given: $THALNET_SHARED_DATA, or a shared/data folder beside a parent directory.</summary>
public static class SharedData
{
    public const string Variable = "THALNET_SHARED_DATA";

    public static string Resolve(string? given, string subfolder)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return Path.GetFullPath(given);
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } root)
        {
            return Path.Combine(root, subfolder);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", subfolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine("..", "shared", "data", subfolder));
    }
}
