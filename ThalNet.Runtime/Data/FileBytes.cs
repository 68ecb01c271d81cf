using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace ThalNet.Runtime.Data;

/// <summary>A dataset file's content, after any decompression.</summary>
/// <param name="Bytes">The file's content, decompressed when it was gzip or zip.</param>
/// <param name="Container">"" for a plain file, "gzip" or "zip" when the bytes were unpacked.</param>
internal readonly record struct FileBytes(byte[] Bytes, string Container)
{
    /// <summary>How many first bytes a <see cref="HeadLength"/> is shown at most.</summary>
    public const int HeadBytes = 64;

    /// <summary>The length of the whole content that its first bytes declare; null when they are too few to tell.</summary>
    public delegate long? HeadLength(ReadOnlySpan<byte> head);

    /// <summary>" after gzip decompression" or "": to say which length a size message means.</summary>
    public string LengthNote => Container.Length == 0 ? "" : $" after {Container} decompression";

    /// <summary>
    /// Reads a whole file. Gzip and zip are recognised by their magic bytes, never by the name, so
    /// <c>train-images-idx3-ubyte</c> may be compressed or not whatever it is called. A zip must hold
    /// exactly one file (as text8.zip does).
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="howToGet">Advice for the message of a <see cref="DatasetException"/>.</param>
    /// <param name="declaredLength">
    /// For formats with a header: given the first decompressed bytes (up to <see cref="HeadBytes"/>), the length of
    /// the whole content that they declare, or null when they are too few to tell; it may throw for a bad header. A
    /// compressed file that would decompress to more is refused before anything is allocated for it.
    /// </param>
    public static FileBytes Read(string path, string howToGet, HeadLength? declaredLength = null)
    {
        if (Directory.Exists(path))
        {
            throw new DatasetException(path, "is a folder, but a file is expected here", howToGet);
        }

        if (!File.Exists(path))
        {
            throw new DatasetException(path, "file not found", howToGet);
        }

        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(path, $"cannot read the file ({ex.Message})", howToGet, ex);
        }

        try
        {
            if (raw is [0x1f, 0x8b, ..])
            {
                return new FileBytes(ReadGzip(path, raw, howToGet, declaredLength), "gzip");
            }

            if (raw is [(byte)'P', (byte)'K', 3, 4, ..])
            {
                return new FileBytes(ReadSingleZipEntry(path, raw, howToGet, declaredLength), "zip");
            }
        }
        catch (InvalidDataException ex)
        {
            // The decompressor's own words ("unsupported compression method", "block type") describe a byte
            // it tripped over, not the file, so they are left to the inner exception.
            var container = raw is [0x1f, 0x8b, ..] ? "gzip" : "zip";
            throw new DatasetException(path, $"the {container} data is corrupt and cannot be decompressed; the file was damaged in the download or on disk", howToGet, ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new DatasetException(path, "the compressed data is truncated", howToGet, ex);
        }

        return new FileBytes(raw, "");
    }

    // GZipStream returns a truncated stream's data without complaint, so compare with the size that the gzip
    // trailer records (the last 4 bytes, little-endian, modulo 2^32); in a cut-off file those bytes are compressed
    // data and almost never match. Decompression stops at that size, so memory stays bounded by it whatever the
    // data expand to (a decompression bomb). Only the last member of a multi-member file has a trailer there, so
    // such files are refused.
    private static byte[] ReadGzip(string path, byte[] raw, string howToGet, HeadLength? declaredLength)
    {
        const string MultiMember = " (multi-member gzip files are not supported: gunzip them first)";
        if (raw.Length < 18)
        {
            throw new DatasetException(path, $"the gzip data is truncated: the file is {raw.Length} bytes, shorter than a gzip header and trailer", howToGet);
        }

        var recorded = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 4));
        if (recorded > Array.MaxLength)
        {
            throw new DatasetException(path, $"the gzip trailer records {recorded} bytes, more than this reader can hold; the file is corrupt, or unpack it first", howToGet);
        }

        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        var bytes = ReadPromised(gzip, (int)recorded, declaredLength, declared => new DatasetException(path, $"its gzip trailer records {recorded} bytes, more than the {declared} its header declares; the file is corrupt", howToGet), out var more);
        if (bytes is null || more)
        {
            var found = bytes is null ? "fewer" : "more";
            throw new DatasetException(path, $"the gzip data is truncated or corrupt: it decompresses to {found} than the {recorded.ToString(CultureInfo.InvariantCulture)} bytes its trailer records{MultiMember}", howToGet);
        }

        return bytes;
    }

    /// <summary>
    /// Reads exactly <paramref name="length"/> bytes (null when the stream ends first) and says whether more follow.
    /// The head is read first: when it declares fewer bytes, <paramref name="declaredShorter"/> is thrown before the
    /// buffer is allocated.
    /// </summary>
    private static byte[]? ReadPromised(Stream stream, int length, HeadLength? declaredLength, Func<long, Exception> declaredShorter, out bool more)
    {
        Span<byte> head = stackalloc byte[Math.Min(HeadBytes, length)];
        var headRead = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (declaredLength?.Invoke(head[..headRead]) is { } declared && declared < length)
        {
            throw declaredShorter(declared);
        }

        var bytes = new byte[length];
        head[..headRead].CopyTo(bytes);
        var read = headRead < head.Length ? headRead : headRead + stream.ReadAtLeast(bytes.AsSpan(headRead), length - headRead, throwOnEndOfStream: false);
        more = stream.ReadByte() >= 0;
        return read < length ? null : bytes;
    }

    private static byte[] ReadSingleZipEntry(string path, byte[] raw, string howToGet, HeadLength? declaredLength)
    {
        using var zip = new ZipArchive(new MemoryStream(raw), ZipArchiveMode.Read);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (files.Count != 1)
        {
            throw new DatasetException(path, $"the zip archive holds {files.Count} files, expected exactly one", howToGet);
        }

        var promised = files[0].Length;
        if (promised > Array.MaxLength)
        {
            throw new DatasetException(path, $"the zip entry '{files[0].FullName}' records {promised} bytes, more than this reader can hold; unpack it first", howToGet);
        }

        using var stream = files[0].Open();
        var bytes = ReadPromised(stream, (int)promised, declaredLength, declared => new DatasetException(path, $"the zip entry '{files[0].FullName}' records {promised} bytes, more than the {declared} its header declares; the file is corrupt", howToGet), out var more);
        return bytes is not null && !more
            ? bytes
            : throw new DatasetException(path, $"the zip entry '{files[0].FullName}' decompresses to {(bytes is null ? "fewer" : "more")} than the {promised} bytes its header records; the file is corrupt", howToGet);
    }
}
