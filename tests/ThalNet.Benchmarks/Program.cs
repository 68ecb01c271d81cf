using ThalNet.Benchmarks;

return BenchmarkCli.Run(args);
