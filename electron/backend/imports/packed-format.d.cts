/** Types of packed-format.cjs (the packed-row wire format); the values and their meaning are there. */
export declare const TYPES: readonly (undefined | 'n' | 's' | 'b' | 'd' | 'e' | 'z')[];
export declare const TYPE_MASK: 7;
export declare const TEXT: 8;
export declare const NULL_VALUE: 16;
export declare const NO_CACHE: 32;
