using System;
using System.Collections.Generic;

namespace ThalNet.Runtime.Data;

/// <summary>One file of a dataset as published.</summary>
/// <param name="FileName">Name under the dataset's cache folder.</param>
/// <param name="Url">Where it is published.</param>
/// <param name="Checksum">Expected digest; null where none is known (then a cached copy is trusted as is).</param>
/// <param name="ExtractTarGz">Unpack the archive into the dataset folder after download.</param>
public sealed record RemoteFile(string FileName, Uri Url, Checksum? Checksum, bool ExtractTarGz = false);

/// <summary>A dataset the downloader knows.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Folder">Sub-folder of the cache that holds it.</param>
/// <param name="Files">What to fetch.</param>
/// <param name="HowToGet">One or two sentences for error messages: where to get it and which option to pass.</param>
public sealed record DatasetInfo(string Name, string Folder, IReadOnlyList<RemoteFile> Files, string HowToGet);
