// corpus/dedup.h: exact and near-duplicate bodies.
//
// Two articles are exact duplicates when their bodies have the same words after
// normalisation (BodyHash: punctuation, spacing, diacritics and tatweel do not count).
// They are near duplicates when the Jaccard similarity of their sets of word 4-grams
// (shingles) is high: a wire story republished with a different first line, a changed
// byline or a trimmed ending. The similarity is estimated by MinHash (Broder 1997)
// with kMinHashes hash functions; candidates are found by banding the signature
// (locality-sensitive hashing): kBands bands of kRows values, and two articles are
// compared when any band agrees.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace rasd::corpus {

inline constexpr int kMinHashes = 64;
inline constexpr int kBands = 16;
inline constexpr int kRows = kMinHashes / kBands;
inline constexpr int kShingle = 4;
// Estimated Jaccard similarity from which two bodies are near duplicates.
inline constexpr double kNearDuplicate = 0.8;
// Bodies shorter than this many words are not compared for near duplicates (a short
// notice shares most of its shingles with every similar notice).
inline constexpr int kMinWords = 25;

using Signature = std::array<uint32_t, kMinHashes>;

struct Fingerprint {
  uint64_t body_hash = 0;  // of the normalised words
  int words = 0;
  Signature minhash{};  // all 0xFFFFFFFF when the body has fewer than kShingle words
};

Fingerprint FingerprintOf(std::string_view text);
// Fraction of agreeing MinHash values: an unbiased estimate of the Jaccard similarity.
double Similarity(const Signature& a, const Signature& b);
// The key of one band (0 <= band < kBands).
int64_t BandKey(const Signature& s, int band);

std::string SignatureBlob(const Signature& s);
bool SignatureFromBlob(std::string_view blob, Signature& s);

}  // namespace rasd::corpus
