import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { originAllowed } from './csrf';

const request = (host: string, protocol = 'http') => ({ protocol, get: (h: string) => (h.toLowerCase() === 'host' ? host : undefined) }) as unknown as Request;

describe('originAllowed', () => {
  it('lets in this site: the address the request was sent to, or PUBLIC_URL behind a proxy', () => {
    expect(originAllowed('http://localhost:3000', request('localhost:3000'), undefined)).toBe(true);
    expect(originAllowed('https://cocrea.example.mx', request('10.0.0.5:3000'), 'https://cocrea.example.mx')).toBe(true);
    expect(originAllowed('https://cocrea.example.mx', request('cocrea.example.mx', 'https'), undefined)).toBe(true);
  });

  it('lets the development proxy through: loopback to loopback', () => {
    expect(originAllowed('http://localhost:5173', request('localhost:3000'), undefined)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', request('[::1]:3000'), undefined)).toBe(true);
  });

  it('refuses any other site, an opaque origin and garbage', () => {
    expect(originAllowed('https://malicioso.example', request('localhost:3000'), undefined)).toBe(false);
    expect(originAllowed('http://localhost:5173', request('cocrea.example.mx'), 'https://cocrea.example.mx')).toBe(false);
    expect(originAllowed('https://cocrea.example.mx.evil.io', request('cocrea.example.mx', 'https'), undefined)).toBe(false);
    expect(originAllowed('http://cocrea.example.mx', request('cocrea.example.mx', 'https'), undefined)).toBe(false);
    expect(originAllowed('null', request('localhost:3000'), undefined)).toBe(false);
    expect(originAllowed('', request('localhost:3000'), undefined)).toBe(false);
  });
});
