/** A seeded generator of numbers in [0, 1). */
export declare function createRandom(seed: number): () => number;
