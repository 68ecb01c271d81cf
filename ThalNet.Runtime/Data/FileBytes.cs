using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace ThalNet.Runtime.Data;

/// <summary>A dataset file's content, after any decompression.</summary>
/// <param name="Container">"" for a plain file, "gzip" or "zip" when the bytes were unpacked.</param>
internal readonly record struct FileBytes(byte[] Bytes, string Container)
{
    /// <summary>" after gzip decompression" or "": to say which length a size message means.</summary>
    public string LengthNote => Container.Length == 0 ? "" : $" after {Container} decompression";

    /// <summary>
    /// Reads a whole file. Gzip and zip are recognised by their magic bytes, never by the name, so
    /// <c>train-images-idx3-ubyte</c> may be compressed or not whatever it is called. A zip must hold
    /// exactly one file (as text8.zip does).
    /// </summary>
    public static FileBytes Read(string path, string howToGet)
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
                return new FileBytes(ReadGzip(path, raw, howToGet), "gzip");
            }

            if (raw is [(byte)'P', (byte)'K', 3, 4, ..])
            {
                return new FileBytes(ReadSingleZipEntry(path, raw, howToGet), "zip");
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
    private static byte[] ReadGzip(string path, byte[] raw, string howToGet)
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
        var bytes = ReadPromised(gzip, (int)recorded, out var more);
        if (bytes is null || more)
        {
            var found = bytes is null ? "fewer" : "more";
            throw new DatasetException(path, $"the gzip data is truncated or corrupt: it decompresses to {found} than the {recorded.ToString(CultureInfo.InvariantCulture)} bytes its trailer records{MultiMember}", howToGet);
        }

        return bytes;
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes (null when the stream ends first) and says whether more follow.</summary>
    private static byte[]? ReadPromised(Stream stream, int length, out bool more)
    {
        var bytes = new byte[length];
        var read = stream.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
        more = stream.ReadByte() >= 0;
        return read < length ? null : bytes;
    }

    private static byte[] ReadSingleZipEntry(string path, byte[] raw, string howToGet)
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
        var bytes = ReadPromised(stream, (int)promised, out var more);
        return bytes is not null && !more
            ? bytes
            : throw new DatasetException(path, $"the zip entry '{files[0].FullName}' decompresses to {(bytes is null ? "fewer" : "more")} than the {promised} bytes its header records; the file is corrupt", howToGet);
    }
}
