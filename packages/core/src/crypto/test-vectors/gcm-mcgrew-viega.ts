// McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", revised spec (2005),
// Appendix B test cases 1–18 (AES-128: 1–6, AES-192: 7–12, AES-256: 13–18).
// Cases 5/11/17 use a 64-bit IV and 6/12/18 a 480-bit (60-byte) IV: both derive J0 via GHASH,
// which is the path our 16-byte fixed IV takes.

export interface GcmVector {
  testCase: number;
  keyHex: string;
  ivHex: string;
  plaintextHex: string;
  aadHex: string;
  ciphertextHex: string;
  tagHex: string;
}

const K = "feffe9928665731c6d6a8f9467308308";
const K128 = K;
const K192 = `${K}feffe9928665731c`;
const K256 = `${K}${K}`;
const IV96 = "cafebabefacedbaddecaf888";
const IV64 = "cafebabefacedbad";
const IV480 = [
  "9313225df88406e555909c5aff5269aa",
  "6a7a9538534f7da1e4c303d2a318a728",
  "c3c0c95156809539fcf0e2429a6b5254",
  "16aedbf5a0de6a57a637b39b",
].join("");
const P64 = [
  "d9313225f88406e5a55909c5aff5269a",
  "86a7a9531534f7da2e4c303d8a318a72",
  "1c3c0c95956809532fcf0e2449a6b525",
  "b16aedf5aa0de657ba637b391aafd255",
].join("");
const P60 = P64.slice(0, 120);
const AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
const zeros = (bytes: number): string => "00".repeat(bytes);

const C3 = [
  "42831ec2217774244b7221b784d0d49c",
  "e3aa212f2c02a4e035c17e2329aca12e",
  "21d514b25466931c7d8f6a5aac84aa05",
  "1ba30b396a0aac973d58e091473f5985",
].join("");
const C9 = [
  "3980ca0b3c00e841eb06fac4872a2757",
  "859e1ceaa6efd984628593b40ca1e19c",
  "7d773d00c144c525ac619d18c84a3f47",
  "18e2448b2fe324d9ccda2710acade256",
].join("");
const C15 = [
  "522dc1f099567d07f47f37a32a84427d",
  "643a8cdcbfe5c0c97598a2bd2555d1aa",
  "8cb08e48590dbb3da7b08b1056828838",
  "c5f61e6393ba7a0abcc9f662898015ad",
].join("");

function v(
  testCase: number,
  keyHex: string,
  ivHex: string,
  plaintextHex: string,
  aadHex: string,
  ciphertextHex: string,
  tagHex: string,
): GcmVector {
  return { testCase, keyHex, ivHex, plaintextHex, aadHex, ciphertextHex, tagHex };
}

export const GCM_VECTORS: readonly GcmVector[] = [
  v(1, zeros(16), zeros(12), "", "", "", "58e2fccefa7e3061367f1d57a4e7455a"),
  v(
    2,
    zeros(16),
    zeros(12),
    zeros(16),
    "",
    "0388dace60b6a392f328c2b971b2fe78",
    "ab6e47d42cec13bdf53a67b21257bddf",
  ),
  v(3, K128, IV96, P64, "", C3, "4d5c2af327cd64a62cf35abd2ba6fab4"),
  v(4, K128, IV96, P60, AAD, C3.slice(0, 120), "5bc94fbc3221a5db94fae95ae7121a47"),
  v(
    5,
    K128,
    IV64,
    P60,
    AAD,
    "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598",
    "3612d2e79e3b0785561be14aaca2fccb",
  ),
  v(
    6,
    K128,
    IV480,
    P60,
    AAD,
    "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
    "619cc5aefffe0bfa462af43c1699d050",
  ),
  v(7, zeros(24), zeros(12), "", "", "", "cd33b28ac773f74ba00ed1f312572435"),
  v(
    8,
    zeros(24),
    zeros(12),
    zeros(16),
    "",
    "98e7247c07f0fe411c267e4384b0f600",
    "2ff58d80033927ab8ef4d4587514f0fb",
  ),
  v(9, K192, IV96, P64, "", C9, "9924a7c8587336bfb118024db8674a14"),
  v(10, K192, IV96, P60, AAD, C9.slice(0, 120), "2519498e80f1478f37ba55bd6d27618c"),
  v(
    11,
    K192,
    IV64,
    P60,
    AAD,
    "0f10f599ae14a154ed24b36e25324db8c566632ef2bbb34f8347280fc4507057fddc29df9a471f75c66541d4d4dad1c9e93a19a58e8b473fa0f062f7",
    "65dcc57fcf623a24094fcca40d3533f8",
  ),
  v(
    12,
    K192,
    IV480,
    P60,
    AAD,
    "d27e88681ce3243c4830165a8fdcf9ff1de9a1d8e6b447ef6ef7b79828666e4581e79012af34ddd9e2f037589b292db3e67c036745fa22e7e9b7373b",
    "dcf566ff291c25bbb8568fc3d376a6d9",
  ),
  v(13, zeros(32), zeros(12), "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
  v(
    14,
    zeros(32),
    zeros(12),
    zeros(16),
    "",
    "cea7403d4d606b6e074ec5d3baf39d18",
    "d0d1c8a799996bf0265b98b5d48ab919",
  ),
  v(15, K256, IV96, P64, "", C15, "b094dac5d93471bdec1a502270e3cc6c"),
  v(16, K256, IV96, P60, AAD, C15.slice(0, 120), "76fc6ece0f4e1768cddf8853bb2d551b"),
  v(
    17,
    K256,
    IV64,
    P60,
    AAD,
    "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f",
    "3a337dbf46a792c45e454913fe2ea8f2",
  ),
  v(
    18,
    K256,
    IV480,
    P60,
    AAD,
    "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
    "a44a8266ee1c8eb0c8b5d4cf5ae9f19a",
  ),
];
