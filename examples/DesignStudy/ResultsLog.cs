using System.Text.Json;

namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// The study's JSON-lines log: one <see cref="StudyResult"/> per line, appended and flushed as each run finishes,
/// so an interrupted study resumes where it stopped. A line cut short by a crash is skipped on reading.
/// </summary>
internal sealed class ResultsLog(string path)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Path { get; } = path;

    public List<StudyResult> Read()
    {
        var results = new List<StudyResult>();
        if (!File.Exists(Path))
        {
            return results;
        }

        foreach (var line in File.ReadLines(Path).Where(l => l.Length > 0))
        {
            try
            {
                if (JsonSerializer.Deserialize<StudyResult>(line, Json) is { } result)
                {
                    results.Add(result);
                }
            }
            catch (JsonException)
            {
                // A line the previous run did not finish writing: that run is simply done again.
            }
        }

        return results;
    }

    public void Append(StudyResult result)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        File.AppendAllText(Path, JsonSerializer.Serialize(result, Json) + "\n");
    }
}
