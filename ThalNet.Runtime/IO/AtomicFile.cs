namespace ThalNet.Runtime.IO;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same folder, is
/// flushed to disk, and is then renamed over the target. A crash or an exception part-way
/// leaves the previous file untouched and no temporary file behind (except after a crash of
/// the whole process, which can leave a hidden <c>.*.tmp</c> file but never a half-written target; see
/// <see cref="RemoveStaleTemporaryFiles"/>).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/> into a temporary file renamed over it.</summary>
    /// <exception cref="OutputWriteException">The file or its folder cannot be written (full disk, no permission, ...); the previous file is unchanged.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            WriteOrThrow(path, write);
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            throw new OutputWriteException(path, OutputWriteException.ReasonOf(e), File.Exists(path) ? "the file there is unchanged" : null, e);
        }
    }

    private static void WriteOrThrow(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        // Same folder as the target so the final rename stays on one file system and is atomic.
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            _ = TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temporary files that interrupted writes of <paramref name="path"/> left behind (the hidden
    /// <c>.name.*.tmp</c> files of a crashed process) and returns how many. Call it when no other process is
    /// writing that file, e.g. when a training run starts.
    /// </summary>
    public static int RemoveStaleTemporaryFiles(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var prefix = $".{Path.GetFileName(target)}.";
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
        {
            var middle = Path.GetFileName(file)[prefix.Length..^".tmp".Length];
            if (middle.Length == 32 && middle.All(char.IsAsciiHexDigitLower) && TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            // Best effort: the exception that got us here is the one worth reporting.
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) through <see cref="Write"/>.</summary>
    /// <exception cref="OutputWriteException">The file or its folder cannot be written.</exception>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });
}
