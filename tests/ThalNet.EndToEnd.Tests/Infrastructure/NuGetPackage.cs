using System.IO.Compression;
using System.Xml.Linq;

namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>A .nupkg opened as the zip file it is: its content files and its nuspec.</summary>
internal sealed class NuGetPackage
{
    private readonly string _path;
    private readonly XElement _metadata;

    private NuGetPackage(string path, IReadOnlyList<string> files, XElement metadata)
    {
        _path = path;
        Files = files;
        _metadata = metadata;
    }

    /// <summary>Content paths, sorted, without the packaging parts (nuspec, _rels/, package/, [Content_Types].xml).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every dependency of every target framework group.</summary>
    public IReadOnlyList<(string Id, string Version)> Dependencies =>
        [.. _metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!))];

    /// <summary>The names of the package's types (<c>Template</c>); empty for an ordinary dependency package.</summary>
    public IReadOnlyList<string> PackageTypes =>
        [.. _metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string)e.Attribute("name")!)];

    public static NuGetPackage Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        XDocument document;
        using (var stream = nuspec.Open())
        {
            document = XDocument.Load(stream);
        }

        var files = zip.Entries.Select(e => e.FullName).Where(IsContent).Order(StringComparer.Ordinal).ToList();
        return new NuGetPackage(path, files, document.Root!.Elements().Single(e => e.Name.LocalName == "metadata"));
    }

    /// <summary>The text of one content file.</summary>
    public string Read(string file)
    {
        using var zip = ZipFile.OpenRead(_path);
        using var reader = new StreamReader(zip.GetEntry(file)?.Open() ?? throw new FileNotFoundException($"{Path.GetFileName(_path)} holds no {file}."));
        return reader.ReadToEnd();
    }

    /// <summary>The text of a metadata element (<c>id</c>, <c>license</c>, <c>readme</c>, ...), or null.</summary>
    public string? Metadata(string name) => _metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static bool IsContent(string path) =>
        !path.EndsWith(".nuspec", StringComparison.Ordinal)
        && !path.StartsWith("_rels/", StringComparison.Ordinal)
        && !path.StartsWith("package/", StringComparison.Ordinal)
        && path != "[Content_Types].xml";
}
