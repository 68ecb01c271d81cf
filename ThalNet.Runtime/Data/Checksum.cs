using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace ThalNet.Runtime.Data;

/// <summary>The hash function of a <see cref="Checksum"/>.</summary>
public enum ChecksumAlgorithm
{
    /// <summary>MD5 (32 hex digits), as MNIST and CIFAR-10 publish their digests.</summary>
    Md5,
    /// <summary>SHA-256 (64 hex digits).</summary>
    Sha256,
}

/// <summary>An expected file digest, as lowercase hex.</summary>
public sealed record Checksum
{
    /// <summary>An expected digest.</summary>
    /// <param name="algorithm">The hash function.</param>
    /// <param name="hex">The digest in hex, either case (stored lower case).</param>
    /// <exception cref="ArgumentException">When <paramref name="hex"/> is not the algorithm's number of hex
    /// digits.</exception>
    public Checksum(ChecksumAlgorithm algorithm, string hex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hex);
        var expectedLength = algorithm == ChecksumAlgorithm.Md5 ? 32 : 64;
        if (hex.Length != expectedLength || !hex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"A {algorithm} checksum is {expectedLength} hex digits, got '{hex}'.", nameof(hex));
        }

        Algorithm = algorithm;
        Hex = hex.ToLowerInvariant();
    }

    /// <summary>The hash function.</summary>
    public ChecksumAlgorithm Algorithm { get; }

    /// <summary>The expected digest in lower-case hex.</summary>
    public string Hex { get; }

    /// <summary>An expected MD5 digest.</summary>
    /// <exception cref="ArgumentException">When <paramref name="hex"/> is not 32 hex digits.</exception>
    public static Checksum Md5(string hex) => new(ChecksumAlgorithm.Md5, hex);

    /// <summary>An expected SHA-256 digest.</summary>
    /// <exception cref="ArgumentException">When <paramref name="hex"/> is not 64 hex digits.</exception>
    public static Checksum Sha256(string hex) => new(ChecksumAlgorithm.Sha256, hex);

    // MD5 is here only because the datasets' publishers give MD5 digests; it guards against
    // damaged downloads, not against tampering.
    internal IncrementalHash CreateHash() => IncrementalHash.CreateHash(
        Algorithm == ChecksumAlgorithm.Md5 ? HashAlgorithmName.MD5 : HashAlgorithmName.SHA256);

    /// <summary>Digest of a file with this checksum's algorithm, as lowercase hex.</summary>
    public async Task<string> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        using var hash = CreateHash();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <c>md5 HEX</c> or <c>sha256 HEX</c>, as error messages show it.
    public override string ToString() => $"{(Algorithm == ChecksumAlgorithm.Md5 ? "md5" : "sha256")} {Hex}";
}
