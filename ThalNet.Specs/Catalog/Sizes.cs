namespace ThalNet.Specs;

/// <summary>The sizes a reader's parameters depend on: C (center), K (context) and F (the module's features).</summary>
public readonly record struct ReaderSizes(int Center, int Context, int Features);

/// <summary>The sizes a layer's parameters depend on: I (input) and H (output, the hidden size of a recurrent layer).</summary>
public readonly record struct LayerSizes(int Input, int Output);

/// <summary>The sizes an output head's parameters depend on: F (the module's features) and S (the output size).</summary>
public readonly record struct HeadSizes(int Features, int Output);
