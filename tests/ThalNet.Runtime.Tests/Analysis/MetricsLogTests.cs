using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class MetricsLogTests
{
    private const string Log = """
        {"step":100,"epoch":1,"split":"train","loss":0.5,"accuracy":0.9,"lr":0.001,"note":"warm-up","extra":{"a":1}}

        {"step":100,"split":"test","loss":0.6,"accuracy":0.85}
          
        {"step":200.0,"loss":"NaN","accuracy":null}
        {"step":300,"loss":0.25,"accuracy":0.95,"split":"train"}
        """;

    [Fact]
    public void Parses_records_skipping_blank_lines_and_unknown_fields()
    {
        var records = MetricsLog.Parse(Log);

        Assert.Equal(4, records.Count);
        Assert.Equal(100, records[0].Step);
        Assert.Equal(1, records[0].Epoch);
        Assert.Equal("train", records[0].Split);
        Assert.Equal(0.001, records[0].Values["lr"]);
        Assert.False(records[0].Values.ContainsKey("note"));
        Assert.False(records[0].Values.ContainsKey("extra"));
        Assert.Equal("test", records[1].Split);
        Assert.Null(records[1].Epoch);
        Assert.Equal(200, records[2].Step);
        Assert.Equal("train", records[2].Split);
        Assert.True(double.IsNaN(records[2].Values["loss"]));
        Assert.False(records[2].Values.ContainsKey("accuracy"));
    }

    [Theory]
    [InlineData("{\"step\":1,\"loss\":0.5}\n{\"step\":2,\"loss\":", 2, "invalid JSON")]
    [InlineData("{\"step\":1}\n\n[1,2]", 3, "a JSON Array instead of an object")]
    [InlineData("{\"loss\":0.5}", 1, "no \"step\" field")]
    [InlineData("{\"step\":1}\n{\"step\":1.5}", 2, "\"step\" is 1.5, not a non-negative integer")]
    [InlineData("{\"step\":-3}", 1, "not a non-negative integer")]
    [InlineData("{\"step\":\"7\"}", 1, "not a non-negative integer")]
    [InlineData("{\"step\":1,\"split\":3}", 1, "\"split\" is 3, not a string")]
    [InlineData("{\"step\":1,\"loss\":NaN}", 1, "write them as strings")]
    [InlineData("{\"step\":1,\"loss\":0.5}\n{\"step\":2,\"loss\":\"x\"}", 2, "\"loss\" is \"x\", not a number")]
    [InlineData("{\"step\":1,\"accuracy\":\"high\"}", 1, "\"accuracy\" is \"high\", not a number")]
    public void Bad_lines_are_reported_with_source_and_line_number(string text, int line, string problem)
    {
        var e = Assert.Throws<MetricsFormatException>(() => MetricsLog.Parse(text, "runs/a/metrics.jsonl"));

        Assert.Equal(line, e.LineNumber);
        Assert.Equal("runs/a/metrics.jsonl", e.LogSource);
        Assert.StartsWith($"runs/a/metrics.jsonl line {line}: ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Reads_files()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Log);
            Assert.Equal(4, MetricsLog.ReadFile(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
