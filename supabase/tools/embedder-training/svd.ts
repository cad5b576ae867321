// Truncated SVD of a sparse matrix by randomised range finding (Halko, Martinsson & Tropp 2011, algorithm 4.4 with
// power iterations), small enough to write here and deterministic: the random start comes from a fixed seed, so
// the same matrix always gives the same vectors (the staleness test compares the trained file byte for byte).
import { mulberry32 } from '../deterministic-random.ts';

/** Compressed sparse rows: row r's entries are columns[rowStarts[r] .. rowStarts[r+1]) with their values. */
export interface SparseMatrix {
  rows: number;
  columns: number;
  rowStarts: Int32Array;
  columnIndices: Int32Array;
  values: Float64Array;
}

export interface TruncatedSvd {
  /** rows × rank, row-major: the left singular vectors. */
  left: Float64Array;
  singularValues: Float64Array;
  rank: number;
}

/** A × dense (columns × width) → rows × width. */
function multiply(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.rows * width);
  for (let row = 0; row < matrix.rows; row++) {
    const target = row * width;
    for (let entry = matrix.rowStarts[row]; entry < matrix.rowStarts[row + 1]; entry++) {
      const source = matrix.columnIndices[entry] * width;
      const value = matrix.values[entry];
      for (let k = 0; k < width; k++) out[target + k] += value * dense[source + k];
    }
  }
  return out;
}

/** Aᵀ × dense (rows × width) → columns × width. */
function multiplyTransposed(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.columns * width);
  for (let row = 0; row < matrix.rows; row++) {
    const source = row * width;
    for (let entry = matrix.rowStarts[row]; entry < matrix.rowStarts[row + 1]; entry++) {
      const target = matrix.columnIndices[entry] * width;
      const value = matrix.values[entry];
      for (let k = 0; k < width; k++) out[target + k] += value * dense[source + k];
    }
  }
  return out;
}

/** Orthonormalises the columns of a (height × width, row-major) in place by modified Gram-Schmidt (`passes` times:
 *  a second pass restores orthogonality lost to rounding). Works on column copies, which are contiguous. */
function orthonormaliseColumns(a: Float64Array, height: number, width: number, passes = 1): void {
  const columns = Array.from({ length: width }, (_, column) => {
    const values = new Float64Array(height);
    for (let row = 0; row < height; row++) values[row] = a[row * width + column];
    return values;
  });
  for (let pass = 0; pass < passes; pass++) {
    for (let column = 0; column < width; column++) {
      const current = columns[column];
      for (let previous = 0; previous < column; previous++) {
        const other = columns[previous];
        let dot = 0;
        for (let row = 0; row < height; row++) dot += current[row] * other[row];
        for (let row = 0; row < height; row++) current[row] -= dot * other[row];
      }
      let norm = 0;
      for (let row = 0; row < height; row++) norm += current[row] * current[row];
      norm = Math.sqrt(norm);
      for (let row = 0; row < height; row++) current[row] = norm > 1e-12 ? current[row] / norm : 0;
    }
  }
  columns.forEach((values, column) => {
    for (let row = 0; row < height; row++) a[row * width + column] = values[row];
  });
}

/** Eigen-decomposition of a symmetric size × size matrix by cyclic Jacobi rotations; eigenvalues descending. */
function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p * size + q] ** 2;
    if (offDiagonal < 1e-22) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p];
          const akq = a[k * size + q];
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k];
          const aqk = a[q * size + k];
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p];
          const vkq = v[k * size + q];
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, index) => index).sort((x, y) => a[y * size + y] - a[x * size + x] || x - y);
  const values = Float64Array.from(order, (index) => a[index * size + index]);
  const vectors = new Float64Array(size * size);
  order.forEach((source, target) => {
    for (let k = 0; k < size; k++) vectors[k * size + target] = v[k * size + source];
  });
  return { values, vectors };
}

/** The top `rank` left singular vectors and values of `matrix`. */
export function truncatedSvd(matrix: SparseMatrix, rank: number, options: { oversampling?: number; powerIterations?: number; seed?: number } = {}): TruncatedSvd {
  const width = Math.min(rank + (options.oversampling ?? 16), matrix.rows, matrix.columns);
  const random = mulberry32(options.seed ?? 0x15a);
  // Gaussian start by Box-Muller, so the range finder sees every direction equally.
  const start = new Float64Array(matrix.columns * width);
  for (let index = 0; index < start.length; index++) {
    start[index] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }
  let range = multiply(matrix, start, width);
  orthonormaliseColumns(range, matrix.rows, width);
  for (let iteration = 0; iteration < (options.powerIterations ?? 2); iteration++) {
    const back = multiplyTransposed(matrix, range, width);
    orthonormaliseColumns(back, matrix.columns, width);
    range = multiply(matrix, back, width);
    orthonormaliseColumns(range, matrix.rows, width, iteration === (options.powerIterations ?? 2) - 1 ? 2 : 1);
  }
  // B = Qᵀ A (width × columns) as its transpose Aᵀ Q; then B Bᵀ = (AᵀQ)ᵀ(AᵀQ), width × width.
  const projected = multiplyTransposed(matrix, range, width);
  const gram = new Float64Array(width * width);
  for (let column = 0; column < matrix.columns; column++) {
    const row = column * width;
    for (let i = 0; i < width; i++) {
      const value = projected[row + i];
      if (value === 0) continue;
      for (let j = i; j < width; j++) gram[i * width + j] += value * projected[row + j];
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) gram[i * width + j] = gram[j * width + i];
  const { values, vectors } = symmetricEigen(gram, width);
  const kept = Math.min(rank, width);
  const left = new Float64Array(matrix.rows * kept);
  for (let row = 0; row < matrix.rows; row++) {
    for (let k = 0; k < kept; k++) {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += range[row * width + j] * vectors[j * width + k];
      left[row * kept + k] = sum;
    }
  }
  // Each singular vector's sign is arbitrary; fix it (largest entry positive) so retraining is reproducible.
  for (let k = 0; k < kept; k++) {
    let largest = 0;
    for (let row = 0; row < matrix.rows; row++) if (Math.abs(left[row * kept + k]) > Math.abs(largest)) largest = left[row * kept + k];
    if (largest < 0) for (let row = 0; row < matrix.rows; row++) left[row * kept + k] = -left[row * kept + k];
  }
  return { left, singularValues: Float64Array.from(values.slice(0, kept), (value) => Math.sqrt(Math.max(0, value))), rank: kept };
}
