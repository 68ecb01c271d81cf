using System;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ThalNet.Runtime.Data;

/// <summary>
/// Fetches dataset files into a cache folder. A file is downloaded to a temporary name beside its
/// target, checked against its checksum, then renamed into place, so an interrupted or corrupt
/// download never leaves a file under the final name. A cached file whose checksum matches is reused;
/// one that does not match is downloaded again. Files without a known checksum are reused as found.
/// </summary>
public sealed class DataDownloader
{
    /// <summary>Environment variable that overrides the default cache folder.</summary>
    public const string CacheVariable = "THALNET_DATA";

    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(30) });

    private readonly HttpClient _http;

    /// <param name="cacheDirectory">Where datasets are kept; default <see cref="DefaultCacheDirectory"/>.</param>
    /// <param name="httpClient">Client to use; default a shared one.</param>
    public DataDownloader(string? cacheDirectory = null, HttpClient? httpClient = null)
    {
        CacheDirectory = Path.GetFullPath(cacheDirectory ?? DefaultCacheDirectory());
        _http = httpClient ?? SharedClient.Value;
    }

    /// <summary>The folder datasets are downloaded to and reused from (absolute).</summary>
    public string CacheDirectory { get; }

    /// <summary><c>$THALNET_DATA</c> when set, otherwise <c>~/.cache/thalnet</c>.</summary>
    public static string DefaultCacheDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(CacheVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "thalnet")
            : fromEnvironment;
    }

    /// <summary>
    /// Makes every file of <paramref name="dataset"/> present and verified, unpacking archives, and
    /// returns the dataset's folder (pass it to the dataset's reader).
    /// </summary>
    /// <exception cref="DatasetException">A download failed or a checksum did not match.</exception>
    public async Task<string> DownloadAsync(DatasetInfo dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var folder = Path.Combine(CacheDirectory, dataset.Folder);
        foreach (var file in dataset.Files)
        {
            await DownloadFileAsync(file, folder, cancellationToken).ConfigureAwait(false);
        }

        return folder;
    }

    /// <summary>
    /// Makes <paramref name="file"/> present and verified in <paramref name="folder"/> (unpacking it
    /// when it is an archive) and returns its path.
    /// </summary>
    /// <exception cref="DatasetException">The download failed or the checksum did not match.</exception>
    public async Task<string> DownloadFileAsync(RemoteFile file, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var target = Path.Combine(folder, file.FileName);
        var fresh = false;
        if (!await IsUsableAsync(target, file.Checksum, cancellationToken).ConfigureAwait(false))
        {
            Directory.CreateDirectory(folder);
            await FetchAsync(file, target, cancellationToken).ConfigureAwait(false);
            fresh = true;
        }

        if (file.ExtractTarGz)
        {
            await ExtractIfNeededAsync(target, folder, fresh, cancellationToken).ConfigureAwait(false);
        }

        return target;
    }

    private static async Task<bool> IsUsableAsync(string path, Checksum? checksum, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return checksum is null || await checksum.ComputeAsync(path, cancellationToken).ConfigureAwait(false) == checksum.Hex;
    }

    private async Task FetchAsync(RemoteFile file, string target, CancellationToken cancellationToken)
    {
        var howToGet = $"Check the network connection and the address, or download {file.Url} by hand to {target}.";
        var temporary = $"{target}.{Guid.NewGuid():N}.part";
        try
        {
            string? actual;
            using (var response = await _http.GetAsync(file.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new DatasetException(target, $"downloading {file.Url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", howToGet);
                }

                actual = await CopyAsync(response, temporary, file.Checksum, cancellationToken).ConfigureAwait(false);
            }

            if (file.Checksum is not null && actual != file.Checksum.Hex)
            {
                throw new DatasetException(
                    target,
                    $"the file downloaded from {file.Url} has {file.Checksum.Algorithm} {actual}, expected {file.Checksum.Hex}",
                    $"The download is damaged or the file changed at its source; try again, or download it by hand to {target}.");
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (HttpRequestException ex)
        {
            throw new DatasetException(target, $"downloading {file.Url} failed: {ex.Message}", howToGet, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DatasetException(target, $"downloading {file.Url} timed out", howToGet, ex);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Streams the body to <paramref name="path"/>, hashing on the way; returns the digest or null.</summary>
    private static async Task<string?> CopyAsync(HttpResponseMessage response, string path, Checksum? checksum, CancellationToken cancellationToken)
    {
        using var hash = checksum?.CreateHash();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash?.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return hash is null ? null : Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // A marker file records a completed extraction, so an interrupted one is redone.
    private static async Task ExtractIfNeededAsync(string archive, string folder, bool fresh, CancellationToken cancellationToken)
    {
        var marker = archive + ".extracted";
        if (!fresh && File.Exists(marker))
        {
            return;
        }

        File.Delete(marker);
        try
        {
            await using var stream = File.OpenRead(archive);
            await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            await TarFile.ExtractToDirectoryAsync(gzip, folder, overwriteFiles: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new DatasetException(archive, $"the archive cannot be unpacked ({ex.Message})", "Delete it and download it again.", ex);
        }

        await File.WriteAllTextAsync(marker, "", cancellationToken).ConfigureAwait(false);
    }
}
