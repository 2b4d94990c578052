import { inputParser } from '@blog/chassis';

export const parseInput = inputParser('VISITOR.INVALID_INPUT');
