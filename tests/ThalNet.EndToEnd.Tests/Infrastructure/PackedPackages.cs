namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The packages, packed once for all end-to-end tests: <c>dotnet pack ThalNet.Packages.slnf</c> into a temporary
/// local feed, under a version of their own so that the global packages cache never serves a stale copy. The build
/// goes to a temporary artifacts folder, away from the repository's bin/ and obj/.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public static readonly string[] Ids = ["ThalNet.Specs", "ThalNet.Runtime", "ThalNet.Generators", "ThalNet.TorchSharp", "ThalNet.Templates"];

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    private readonly ScratchFolder _scratch;

    public PackedPackages()
    {
        var stamp = $"{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Version = $"0.1.0-e2e.{stamp}";
        _scratch = new ScratchFolder($"thalnet-e2e-{stamp}");
        try
        {
            Feed = _scratch.Folder("feed");
            Artifacts = _scratch.Folder("artifacts");
            Pack = DotnetCli.Run(Repository.Root, PackTimeout, ["pack", Repository.PackagesFilter, "-o", Feed, .. BuildArguments]).EnsureSucceeded();
        }
        catch
        {
            _scratch.Dispose();
            throw;
        }
    }

    /// <summary>The version every package got, e.g. <c>0.1.0-e2e.20250101120000.4242</c>.</summary>
    public string Version { get; }

    /// <summary>The local folder feed holding the .nupkg files.</summary>
    public string Feed { get; }

    /// <summary>Where the pack built the projects; a build with <see cref="BuildArguments"/> finds them up to date.</summary>
    public string Artifacts { get; }

    internal CommandResult Pack { get; }

    /// <summary>The configuration, version and artifacts folder of the pack, for builds that reference the projects.</summary>
    public IReadOnlyList<string> BuildArguments => ["-c", "Release", $"-p:Version={Version}", "--artifacts-path", Artifacts];

    /// <summary>
    /// The user's feeds, for a nuget.config above their projects: the local folder for ThalNet packages added to the
    /// machine's own sources, which supply everything else. The packed version is unique to this run, so only the
    /// local feed can serve it.
    /// </summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="local" value="{Feed}" />
          </packageSources>
        </configuration>
        """;

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>A new empty folder outside the repository, under a root that shields it from outside MSBuild settings.</summary>
    public string NewFolder(string name) => _scratch.Folder(name);

    public void Dispose()
    {
        GlobalPackagesFolder.Remove(_scratch.Path, Version, Ids);
        _scratch.Dispose();
    }
}
