using System;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using ThalNet.Runtime.Data;

namespace ThalNet.Runtime.Tests.Data;

public sealed class DataDownloaderTests : IDisposable
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))];

    private readonly TempFolder _cache = new();

    // Never through a proxy: the server is on the loopback address.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose()
    {
        _http.Dispose();
        _cache.Dispose();
    }

    private DataDownloader Downloader() => new(_cache.Path, _http);

    private static Checksum Sha256Of(byte[] bytes) => Checksum.Sha256(Convert.ToHexString(SHA256.HashData(bytes)));

    [Fact]
    public async Task Downloads_verifies_and_then_reuses_the_cached_file()
    {
        await using var server = new LoopbackHttpServer();
        server.Files["/d/file.bin"] = Content;
        var dataset = new DatasetInfo("Test", "test", [new RemoteFile("file.bin", server.Url("d/file.bin"), Sha256Of(Content))], "how");

        var folder = await Downloader().DownloadAsync(dataset);
        var again = await Downloader().DownloadAsync(dataset);

        Assert.Equal(Path.Combine(_cache.Path, "test"), folder);
        Assert.Equal(folder, again);
        Assert.Equal(Content, File.ReadAllBytes(Path.Combine(folder, "file.bin")));
        Assert.Equal(1, server.Requests["/d/file.bin"]);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Md5_checksums_are_supported()
    {
        await using var server = new LoopbackHttpServer();
        server.Files["/f"] = Content;
#pragma warning disable CA5351 // The published digests are MD5; this checks integrity, not authenticity.
        var md5 = Checksum.Md5(Convert.ToHexString(MD5.HashData(Content)));
#pragma warning restore CA5351

        var path = await Downloader().DownloadFileAsync(new RemoteFile("f", server.Url("f"), md5), _cache.Path);

        Assert.Equal(Content, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_cached_file_with_a_wrong_checksum_is_downloaded_again()
    {
        await using var server = new LoopbackHttpServer();
        server.Files["/f"] = Content;
        var target = _cache.File("f");
        File.WriteAllBytes(target, [1, 2, 3]);

        await Downloader().DownloadFileAsync(new RemoteFile("f", server.Url("f"), Sha256Of(Content)), _cache.Path);

        Assert.Equal(Content, File.ReadAllBytes(target));
        Assert.Equal(1, server.Requests["/f"]);
    }

    [Fact]
    public async Task A_download_with_a_wrong_checksum_fails_and_leaves_nothing()
    {
        await using var server = new LoopbackHttpServer();
        server.Files["/f"] = Content;
        var expected = Sha256Of([1, 2, 3]);

        var ex = await Assert.ThrowsAsync<DatasetException>(
            () => Downloader().DownloadFileAsync(new RemoteFile("f", server.Url("f"), expected), _cache.Path));

        Assert.Equal(_cache.File("f"), ex.FilePath);
        Assert.Contains(expected.Hex, ex.Message);
        Assert.Contains(Sha256Of(Content).Hex, ex.Message);
        Assert.Empty(Directory.GetFiles(_cache.Path));
    }

    [Fact]
    public async Task Http_404_is_a_clear_error()
    {
        await using var server = new LoopbackHttpServer();
        var url = server.Url("missing.gz");

        var ex = await Assert.ThrowsAsync<DatasetException>(
            () => Downloader().DownloadFileAsync(new RemoteFile("missing.gz", url, Checksum: null), _cache.Path));

        Assert.Contains("HTTP 404", ex.Message);
        Assert.Contains(url.ToString(), ex.Message);
        Assert.Contains(_cache.File("missing.gz"), ex.Message);
        Assert.Empty(Directory.GetFiles(_cache.Path));
    }

    [Fact]
    public async Task Connection_failure_is_a_clear_error()
    {
        Uri url;
        await using (var server = new LoopbackHttpServer())
        {
            url = server.Url("gone");
        }

        var ex = await Assert.ThrowsAsync<DatasetException>(
            () => Downloader().DownloadFileAsync(new RemoteFile("gone", url, Checksum: null), _cache.Path));

        Assert.Contains($"downloading {url} failed", ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task A_file_without_checksum_is_reused_as_found()
    {
        await using var server = new LoopbackHttpServer();
        File.WriteAllBytes(_cache.File("f"), [9]);

        await Downloader().DownloadFileAsync(new RemoteFile("f", server.Url("f"), Checksum: null), _cache.Path);

        Assert.Equal([9], File.ReadAllBytes(_cache.File("f")));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Tar_gz_archives_are_extracted_once()
    {
        await using var server = new LoopbackHttpServer();
        var archive = TarGz(("cifar-10-batches-bin/test_batch.bin", DataFiles.CifarRecord(4, seed: 1)));
        server.Files["/c.tar.gz"] = archive;
        var dataset = new DatasetInfo("C", "c", [new RemoteFile("c.tar.gz", server.Url("c.tar.gz"), Sha256Of(archive), ExtractTarGz: true)], "how");

        var folder = await Downloader().DownloadAsync(dataset);
        var extracted = Path.Combine(folder, "cifar-10-batches-bin", "test_batch.bin");
        File.WriteAllBytes(extracted, DataFiles.CifarRecord(5, seed: 1));
        await Downloader().DownloadAsync(dataset);

        Assert.Equal([5], CifarReader.Load(folder, DataSplit.Test).Labels.ToArray());
        Assert.Equal(1, server.Requests["/c.tar.gz"]);
    }

    [Fact]
    public void Default_cache_folder_comes_from_THALNET_DATA_or_home()
    {
        var configured = Environment.GetEnvironmentVariable(DataDownloader.CacheVariable);
        var folder = DataDownloader.DefaultCacheDirectory();

        if (string.IsNullOrWhiteSpace(configured))
        {
            Assert.EndsWith(Path.Combine(".cache", "thalnet"), folder);
        }
        else
        {
            Assert.Equal(configured, folder);
        }
    }

    [Fact]
    public void Catalog_lists_the_paper_datasets_with_https_or_http_urls()
    {
        Assert.Equal(["mnist", "cifar-10", "text8", "tinyshakespeare"], DatasetCatalog.All.Select(d => d.Folder));
        Assert.All(DatasetCatalog.All.SelectMany(d => d.Files), f => Assert.StartsWith("http", f.Url.Scheme, StringComparison.Ordinal));
        Assert.Equal(4, DatasetCatalog.Mnist.Files.Count(f => f.Checksum is { Algorithm: ChecksumAlgorithm.Md5 }));
        Assert.Null(DatasetCatalog.Text8.Files[0].Checksum);
    }

    private static byte[] TarGz(params (string Name, byte[] Data)[] entries)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (name, data) in entries)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }

        return output.ToArray();
    }
}
