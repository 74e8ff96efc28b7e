#include "corpus/dedup.h"

#include <cstring>
#include <vector>

#include "corpus/terms.h"

namespace rasd::corpus {

namespace {

uint64_t Fnv(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

Fingerprint FingerprintOf(std::string_view text) {
  Fingerprint fp;
  std::vector<uint64_t> words;
  uint64_t body = 1469598103934665603ull;
  ForEachWord(text, [&](const std::string& norm, size_t, size_t) {
    body = Fnv(norm, body);
    body = Fnv(" ", body);
    words.push_back(Fnv(norm));
  });
  fp.body_hash = body;
  fp.words = static_cast<int>(words.size());
  fp.minhash.fill(0xFFFFFFFFu);
  if (words.size() < kShingle) return fp;
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    uint64_t h = 0;
    for (int k = 0; k < kShingle; ++k) h = Mix(h ^ words[i + k]);
    // kMinHashes hash functions from one: h_j = Mix(h + j * odd constant).
    for (int j = 0; j < kMinHashes; ++j) {
      uint32_t v = static_cast<uint32_t>(Mix(h + static_cast<uint64_t>(j) * 0xD6E8FEB86659FD93ull) >> 32);
      if (v < fp.minhash[j]) fp.minhash[j] = v;
    }
  }
  return fp;
}

double Similarity(const Signature& a, const Signature& b) {
  int same = 0;
  for (int j = 0; j < kMinHashes; ++j) same += a[j] == b[j];
  return static_cast<double>(same) / kMinHashes;
}

int64_t BandKey(const Signature& s, int band) {
  uint64_t h = static_cast<uint64_t>(band) * 0x9E3779B97F4A7C15ull;
  for (int r = 0; r < kRows; ++r) h = Mix(h ^ s[band * kRows + r]);
  return static_cast<int64_t>(h >> 1);  // non-negative, fits SQLite's INTEGER
}

std::string SignatureBlob(const Signature& s) {
  std::string out(sizeof(uint32_t) * kMinHashes, '\0');
  std::memcpy(out.data(), s.data(), out.size());
  return out;
}

bool SignatureFromBlob(std::string_view blob, Signature& s) {
  if (blob.size() != sizeof(uint32_t) * kMinHashes) return false;
  std::memcpy(s.data(), blob.data(), blob.size());
  return true;
}

}  // namespace rasd::corpus
