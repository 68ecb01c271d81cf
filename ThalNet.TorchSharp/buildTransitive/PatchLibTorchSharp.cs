// The build step of ThalNet.TorchSharp (compiled by MSBuild's RoslynCodeTaskFactory, see ThalNet.TorchSharp.targets).
//
// TorchSharp 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13's libstdc++) for one symbol it never
// relocates, std::ios_base_library_init(). glibc's loader refuses a library when any listed version is missing, used
// or not, so the library does not load on Debian 12 and other distributions with an older libstdc++. This task edits
// the build output's copy (never the package cache): the version's .gnu.version_r entry becomes weak (VER_FLG_WEAK),
// and every undefined dynamic symbol bound to it becomes unversioned (.gnu.version index 1). It refuses when a
// relocation references such a symbol, since that symbol would then really be needed.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>Makes libLibTorchSharp.so load on a libstdc++ that lacks some GLIBCXX versions it lists but does not use.</summary>
public sealed class PatchLibTorchSharp : Microsoft.Build.Utilities.Task
{
    /// <summary>The copies of libLibTorchSharp.so in the output folder.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The machine's libstdc++.so.6; empty to search the usual library folders.</summary>
    public string LibStdCxx { get; set; } = "";

    public override bool Execute()
    {
        var libStdCxx = LibStdCxx.Length > 0 ? LibStdCxx : ElfVersionPatch.FindLibStdCxx();
        if (libStdCxx is null)
        {
            Log.LogMessage(MessageImportance.High, "ThalNet.TorchSharp: no libstdc++.so.6 found in the usual library folders; libLibTorchSharp.so left as it is.");
            return true;
        }

        var available = ElfVersionPatch.VersionNames(File.ReadAllBytes(libStdCxx));
        foreach (var file in Files.Select(f => f.ItemSpec).Distinct(StringComparer.Ordinal).Where(File.Exists))
        {
            var outcome = ElfVersionPatch.Apply(file, "libstdc++.so.6", available.Contains);
            if (outcome.Refused)
            {
                Log.LogWarning($"ThalNet.TorchSharp: {file}: {outcome.Message}");
            }
            else if (outcome.Changed)
            {
                Log.LogMessage(MessageImportance.High, $"ThalNet.TorchSharp: {outcome.Message} in {file} ({libStdCxx} lacks them).");
            }
            else
            {
                Log.LogMessage(MessageImportance.Normal, $"ThalNet.TorchSharp: {file}: {outcome.Message}");
            }
        }

        return !Log.HasLoggedErrors;
    }
}

/// <summary>What <see cref="ElfVersionPatch.Apply"/> did. A class, not a record: MSBuild compiles this file against netstandard.</summary>
public sealed class ElfPatchOutcome
{
    public ElfPatchOutcome(bool changed, bool refused, string message)
    {
        Changed = changed;
        Refused = refused;
        Message = message;
    }

    /// <summary>The file was rewritten.</summary>
    public bool Changed { get; }

    /// <summary>The file could not be patched safely (a missing version is really used, or it is no 64-bit ELF); it was left as it is.</summary>
    public bool Refused { get; }

    public string Message { get; }
}

/// <summary>The ELF edit itself: 64-bit little-endian shared objects (x86-64, arm64).</summary>
public static class ElfVersionPatch
{
    private const uint ShtRel = 9;
    private const uint ShtRela = 4;
    private const uint ShtDynSym = 11;
    private const uint ShtGnuVerNeed = 0x6ffffffe;
    private const uint ShtGnuVerSym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;
    private const ushort VersionIndexMask = 0x7fff;
    private const ushort GlobalVersionIndex = 1;

    private static readonly string[] LibraryFolders =
    {
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    };

    public static string? FindLibStdCxx() =>
        LibraryFolders.Select(folder => Path.Combine(folder, "libstdc++.so.6")).FirstOrDefault(File.Exists);

    /// <summary>The version names a library defines (<c>GLIBCXX_3.4.30</c>, ...), read as the strings it holds.</summary>
    public static HashSet<string> VersionNames(byte[] library)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        for (var i = 0; i <= library.Length; i++)
        {
            if (i == library.Length || library[i] == 0)
            {
                if (i - start is > 4 and < 64)
                {
                    names.Add(Encoding.ASCII.GetString(library, start, i - start));
                }

                start = i + 1;
            }
        }

        return names;
    }

    /// <summary>
    /// Weakens every version that <paramref name="path"/> requires from <paramref name="library"/> and that
    /// <paramref name="isAvailable"/> denies, writing a temporary file beside it and renaming it over the original.
    /// </summary>
    public static ElfPatchOutcome Apply(string path, string library, Func<string, bool> isAvailable)
    {
        var bytes = File.ReadAllBytes(path);
        var outcome = Patch(bytes, library, isAvailable);
        if (outcome.Changed)
        {
            var temporary = path + ".thalnet-patch.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Replace(temporary, path, null);
        }

        return outcome;
    }

    /// <summary>The same edit on bytes in memory.</summary>
    public static ElfPatchOutcome Patch(byte[] elf, string library, Func<string, bool> isAvailable)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            return new ElfPatchOutcome(false, true, "not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            return new ElfPatchOutcome(false, true, "only 64-bit little-endian ELF files are supported");
        }

        var sections = Sections(elf);
        var verNeed = sections.FirstOrDefault(s => s.Type == ShtGnuVerNeed);
        var verSym = sections.FirstOrDefault(s => s.Type == ShtGnuVerSym);
        var dynSymIndex = sections.FindIndex(s => s.Type == ShtDynSym);
        if (verNeed is null || verSym is null || dynSymIndex < 0)
        {
            return new ElfPatchOutcome(false, false, "no symbol versions; nothing to do");
        }

        var strings = sections[(int)verNeed.Link];
        var missing = new List<(long AuxOffset, ushort Index, string Name)>();
        var alreadyWeak = new List<string>();
        var need = verNeed.Offset;
        for (var n = 0; n < verNeed.Info; n++)
        {
            var count = U16(elf, need + 2);
            var file = CString(elf, strings.Offset + U32(elf, need + 4));
            var aux = need + U32(elf, need + 8);
            for (var a = 0; a < count; a++)
            {
                var name = CString(elf, strings.Offset + U32(elf, aux + 8));
                if (file == library && !isAvailable(name))
                {
                    if ((U16(elf, aux + 4) & VerFlgWeak) != 0)
                    {
                        alreadyWeak.Add(name);
                    }

                    missing.Add((aux, (ushort)(U16(elf, aux + 6) & VersionIndexMask), name));
                }

                aux += U32(elf, aux + 12);
            }

            need += U32(elf, need + 12);
        }

        if (missing.Count == 0)
        {
            return new ElfPatchOutcome(false, false, $"every version required from {library} is available; nothing to do");
        }

        var dynSym = sections[dynSymIndex];
        var symbolCount = (int)(dynSym.Size / 24);
        var indices = new HashSet<ushort>(missing.Select(m => m.Index));
        var bound = new List<int>();
        for (var s = 0; s < symbolCount; s++)
        {
            var undefined = U16(elf, dynSym.Offset + (s * 24) + 6) == 0;
            if (undefined && indices.Contains((ushort)(U16(elf, verSym.Offset + (s * 2)) & VersionIndexMask)))
            {
                bound.Add(s);
            }
        }

        foreach (var relocations in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynSymIndex))
        {
            var entrySize = relocations.Type == ShtRela ? 24 : 16;
            for (var r = 0L; r < relocations.Size / entrySize; r++)
            {
                var symbol = (int)(U64(elf, relocations.Offset + (r * entrySize) + 8) >> 32);
                if (bound.Contains(symbol))
                {
                    var name = CString(elf, sections[(int)dynSym.Link].Offset + U32(elf, dynSym.Offset + (symbol * 24)));
                    return new ElfPatchOutcome(false, true, $"symbol '{name}' needs a missing version and is relocated; left unpatched");
                }
            }
        }

        var names = string.Join(", ", missing.Select(m => m.Name));
        if (bound.Count == 0 && alreadyWeak.Count == missing.Count)
        {
            return new ElfPatchOutcome(false, false, $"already patched ({names} weak)");
        }

        foreach (var (auxOffset, _, _) in missing)
        {
            W16(elf, auxOffset + 4, (ushort)(U16(elf, auxOffset + 4) | VerFlgWeak));
        }

        foreach (var s in bound)
        {
            W16(elf, verSym.Offset + (s * 2), GlobalVersionIndex);
        }

        return new ElfPatchOutcome(true, false, $"made {names} weak and unbound {bound.Count} unused symbol(s) from it");
    }

    private sealed class Section
    {
        public Section(uint type, long offset, long size, uint link, uint info)
        {
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
            Info = info;
        }

        public uint Type { get; }

        public long Offset { get; }

        public long Size { get; }

        public uint Link { get; }

        public uint Info { get; }
    }

    private static List<Section> Sections(byte[] elf)
    {
        var offset = (long)U64(elf, 40);
        var entrySize = U16(elf, 58);
        var count = U16(elf, 60);
        var sections = new List<Section>(count);
        for (var i = 0; i < count; i++)
        {
            var header = offset + (i * entrySize);
            sections.Add(new Section(U32(elf, header + 4), (long)U64(elf, header + 24), (long)U64(elf, header + 32), U32(elf, header + 40), U32(elf, header + 44)));
        }

        return sections;
    }

    private static ushort U16(byte[] b, long at) => BitConverter.ToUInt16(b, checked((int)at));

    private static uint U32(byte[] b, long at) => BitConverter.ToUInt32(b, checked((int)at));

    private static ulong U64(byte[] b, long at) => BitConverter.ToUInt64(b, checked((int)at));

    private static void W16(byte[] b, long at, ushort value)
    {
        b[at] = (byte)value;
        b[at + 1] = (byte)(value >> 8);
    }

    private static string CString(byte[] b, long at)
    {
        var end = (int)at;
        while (b[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(b, (int)at, end - (int)at);
    }
}
