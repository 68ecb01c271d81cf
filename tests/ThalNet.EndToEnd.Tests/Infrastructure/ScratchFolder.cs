namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A temporary folder outside the repository for the projects a user would own. Empty Directory.Build.props and
/// .targets at its root end MSBuild's upward search there, so no settings from above leak into those projects.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string name)
    {
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), name)).FullName;
        if (Repository.Contains(Path))
        {
            throw new InvalidOperationException($"The temporary folder {Path} lies inside the repository {Repository.Root}.");
        }

        File.WriteAllText(System.IO.Path.Combine(Path, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "Directory.Build.targets"), "<Project />\n");
    }

    public string Path { get; }

    /// <summary>A new empty folder under this one.</summary>
    public string Folder(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup; nothing reads it again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
