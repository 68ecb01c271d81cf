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
                using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
                var bytes = ReadToEnd(gzip, capacity: (int)Math.Min(raw.LongLength * 4, Array.MaxLength));
                CheckGzipTrailer(path, raw, bytes.Length, howToGet);
                return new FileBytes(bytes, "gzip");
            }

            if (raw is [(byte)'P', (byte)'K', 3, 4, ..])
            {
                return new FileBytes(ReadSingleZipEntry(path, raw, howToGet), "zip");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetException(path, $"the compressed data is corrupt ({ex.Message})", howToGet, ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new DatasetException(path, "the compressed data is truncated", howToGet, ex);
        }

        return new FileBytes(raw, "");
    }

    // GZipStream returns a truncated stream's data without complaint, so compare with the size that
    // the gzip trailer records (the last 4 bytes, little-endian, modulo 2^32); in a cut-off file
    // those bytes are compressed data and almost never match. Only the last member of a multi-member
    // file has a trailer there, so such files are refused.
    private static void CheckGzipTrailer(string path, byte[] raw, int decompressedLength, string howToGet)
    {
        var recorded = raw.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 4)) : (uint?)null;
        if (recorded != (uint)decompressedLength)
        {
            throw new DatasetException(path, $"the gzip data is truncated or corrupt: it decompresses to {decompressedLength} bytes but its trailer records {recorded?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} (multi-member gzip files are not supported: gunzip them first)", howToGet);
        }
    }

    private static byte[] ReadSingleZipEntry(string path, byte[] raw, string howToGet)
    {
        using var zip = new ZipArchive(new MemoryStream(raw), ZipArchiveMode.Read);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (files.Count != 1)
        {
            throw new DatasetException(path, $"the zip archive holds {files.Count} files, expected exactly one", howToGet);
        }

        using var stream = files[0].Open();
        return ReadToEnd(stream, capacity: (int)Math.Min(files[0].Length, Array.MaxLength));
    }

    private static byte[] ReadToEnd(Stream stream, int capacity)
    {
        using var buffer = new MemoryStream(capacity);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
