import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * Encoding and decoding of the y-protocols sync messages carried in `board:sync`.
 * The bytes are exactly y-protocols' (type varUint, then a varUint8Array payload), so they
 * interoperate with any Yjs tooling; decoding is strict because these bytes come from the
 * network: trailing garbage or an unknown type is an error, not something to guess at.
 */
export type SyncMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array };

export class MalformedMessageError extends Error {}

export function encodeStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Step 2: everything in `doc` that a peer with `stateVector` lacks. */
export function encodeStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function decodeSyncMessage(bytes: Uint8Array): SyncMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the sync message');
    switch (type) {
      case syncProtocol.messageYjsSyncStep1:
        Y.decodeStateVector(payload);
        return { type: 'step1', stateVector: payload };
      case syncProtocol.messageYjsSyncStep2:
        return { type: 'step2', update: payload };
      case syncProtocol.messageYjsUpdate:
        return { type: 'update', update: payload };
      default:
        throw new MalformedMessageError(`unknown sync message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`not a y-protocols sync message: ${(error as Error).message}`);
  }
}

/** A step 2 message around an update computed elsewhere (e.g. against a state vector received earlier). */
export function encodeStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

