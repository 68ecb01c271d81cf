using System.Buffers.Binary;

namespace ThalNet.Runtime.IO;

/// <summary>The safetensors element types this reader converts to float32.</summary>
internal static class SafeTensorsDType
{
    public const string Float32 = "F32";

    public const string Supported = "F32, F64, F16, BF16, I64, I32, I16, I8, U8, BOOL";

    /// <summary>Bytes per element, or 0 when <paramref name="dtype"/> is not supported.</summary>
    public static int SizeOf(string dtype) => dtype switch
    {
        "F64" or "I64" => 8,
        "F32" or "I32" => 4,
        "F16" or "BF16" or "I16" => 2,
        "I8" or "U8" or "BOOL" => 1,
        _ => 0,
    };

    /// <summary>
    /// Converts little-endian elements to float32. Returns the index of the first integer that
    /// float32 cannot hold exactly (the caller reports it), or -1 when every value converted exactly.
    /// </summary>
    public static int ToFloat32(string dtype, ReadOnlySpan<byte> source, Span<float> target)
    {
        switch (dtype)
        {
            case "F32":
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(4 * i)..]);
                }

                return -1;
            case "F64":
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(source[(8 * i)..]);
                }

                return -1;
            case "F16":
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(source[(2 * i)..]);
                }

                return -1;
            case "BF16":
                // bfloat16 is the upper half of a float32.
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(source[(2 * i)..]) << 16);
                }

                return -1;
            case "I64":
                for (var i = 0; i < target.Length; i++)
                {
                    var value = BinaryPrimitives.ReadInt64LittleEndian(source[(8 * i)..]);
                    target[i] = value;
                    if (!IsExact(value, target[i]))
                    {
                        return i;
                    }
                }

                return -1;
            case "I32":
                for (var i = 0; i < target.Length; i++)
                {
                    var value = BinaryPrimitives.ReadInt32LittleEndian(source[(4 * i)..]);
                    target[i] = value;
                    if (!IsExact(value, target[i]))
                    {
                        return i;
                    }
                }

                return -1;
            case "I16":
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadInt16LittleEndian(source[(2 * i)..]);
                }

                return -1;
            case "I8":
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = (sbyte)source[i];
                }

                return -1;
            case "U8":
            case "BOOL":
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = source[i];
                }

                return -1;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unsupported dtype.");
        }
    }

    // 2^63 is a float but not a long, and the float-to-long cast saturates there.
    private static bool IsExact(long value, float converted) =>
        converted < 9.223372E18f && (long)converted == value;
}
