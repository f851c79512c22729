using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Onboarding.Core;

/// <summary>
/// SHA-256 as FIPS 180-4 defines it, in managed code. On Linux the first <see cref="SHA256.HashData(ReadOnlySpan{byte})"/>
/// of a process loads libssl and libcrypto and reads OpenSSL's configuration, which takes longer than hashing every
/// file of a small platform; OpenSSL, with the processor's SHA instructions, is still several times faster per byte.
/// So a process hashes here until it has hashed enough for OpenSSL's loading to pay, and with OpenSSL after that.
/// </summary>
internal static class Sha256
{
    public const int DigestSize = 32;

    /// <summary>
    /// How many bytes a process hashes in managed code before it loads OpenSSL for the rest, the input that crosses
    /// it included. Measured in the Native AOT binary on x64 with SHA instructions: managed hashing runs at about
    /// 200 MB/s, OpenSSL at about 1.8 GB/s once loaded, and loading it costs about 2 ms, the time managed code takes
    /// for some 400 KB. Below this budget managed code is cheaper whatever follows; past it, hashing every later input
    /// with OpenSSL costs at most about twice what the best choice in hindsight would have. A compile of 30 teams hashes
    /// about 100 KB; one of 1,000 or 10,000 teams runs out of the budget after some 800 team files.
    /// </summary>
    public const long ManagedBudget = 256 * 1024;

    /// <summary>Bytes hashed in managed code so far by <see cref="ToHex(ReadOnlySpan{byte})"/>; past <see cref="ManagedBudget"/>, OpenSSL hashes.</summary>
    private static long s_managedBytes;

    private const int BlockSize = 64;

    /// <summary>The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).</summary>
    private static ReadOnlySpan<uint> K =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>The lowercase hex SHA-256 of <paramref name="data"/>, by whichever implementation is cheaper at this point of the process.</summary>
    public static string ToHex(ReadOnlySpan<byte> data) => ToHex(data, ref s_managedBytes);

    /// <summary>
    /// The lowercase hex SHA-256 of <paramref name="data"/>, in managed code while <paramref name="managedBytes"/>, the
    /// bytes hashed that way before, stays within <see cref="ManagedBudget"/> with this input counted, else by OpenSSL.
    /// </summary>
    internal static string ToHex(ReadOnlySpan<byte> data, ref long managedBytes)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        if (Volatile.Read(ref managedBytes) <= ManagedBudget && Interlocked.Add(ref managedBytes, data.Length) <= ManagedBudget)
        {
            Hash(data, digest);
        }
        else
        {
            SHA256.HashData(data, digest);
        }

        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Writes the SHA-256 of <paramref name="data"/> to the first 32 bytes of <paramref name="destination"/>, in managed code.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, DigestSize, nameof(destination));

        // The initial hash value (FIPS 180-4, 5.3.3): the fractional parts of the square roots of the first 8 primes.
        Span<uint> state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> schedule = stackalloc uint[64];

        var whole = data.Length - data.Length % BlockSize;
        for (var offset = 0; offset < whole; offset += BlockSize)
        {
            Compress(state, data.Slice(offset, BlockSize), schedule);
        }

        // Padding (5.1.1): a 1 bit, zeros, and the message length in bits as a big-endian 64-bit number, ending on a
        // block boundary; a tail of 56 bytes or more leaves no room for the length, so it takes a second block.
        Span<byte> last = stackalloc byte[2 * BlockSize];
        last.Clear();
        var tail = data[whole..];
        tail.CopyTo(last);
        last[tail.Length] = 0x80;
        var lastLength = tail.Length < BlockSize - sizeof(ulong) ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(last[(lastLength - sizeof(ulong))..], (ulong)data.Length * 8);
        for (var offset = 0; offset < lastLength; offset += BlockSize)
        {
            Compress(state, last.Slice(offset, BlockSize), schedule);
        }

        for (var i = 0; i < state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>One block of the hash computation (6.2.2).</summary>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> w)
    {
        state = state[..8];
        w = w[..64];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var w2 = w[t - 2];
            var w15 = w[t - 15];
            var s1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            var s0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }

        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]);
        var k = K;

        // Eight rounds per pass with the working variables' roles rotated, instead of moving every value each round.
        for (var t = 0; t < 64; t += 8)
        {
            var kt = k.Slice(t, 8);
            var wt = w.Slice(t, 8);
            Round(a, b, c, ref d, e, f, g, ref h, kt[0] + wt[0]);
            Round(h, a, b, ref c, d, e, f, ref g, kt[1] + wt[1]);
            Round(g, h, a, ref b, c, d, e, ref f, kt[2] + wt[2]);
            Round(f, g, h, ref a, b, c, d, ref e, kt[3] + wt[3]);
            Round(e, f, g, ref h, a, b, c, ref d, kt[4] + wt[4]);
            Round(d, e, f, ref g, h, a, b, ref c, kt[5] + wt[5]);
            Round(c, d, e, ref f, g, h, a, ref b, kt[6] + wt[6]);
            Round(b, c, d, ref e, f, g, h, ref a, kt[7] + wt[7]);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    /// <summary>
    /// One round: T1 = h + Σ1(e) + Ch(e, f, g) + K + W and T2 = Σ0(a) + Maj(a, b, c); d becomes the next e (d + T1)
    /// and h the next a (T1 + T2), and the caller renames the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(uint a, uint b, uint c, ref uint d, uint e, uint f, uint g, ref uint h, uint kw)
    {
        var sigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
        var choose = g ^ (e & (f ^ g));
        var t1 = h + sigma1 + choose + kw;
        var sigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
        var majority = (a & b) | (c & (a | b));
        d += t1;
        h = t1 + sigma0 + majority;
    }
}
